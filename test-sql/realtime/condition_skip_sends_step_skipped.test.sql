begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('cond_events');
select pgflow.add_step('cond_events', 'maybe', required_input_pattern => '{"go": true}'::jsonb);
select pgflow.add_step('cond_events', 'other');
select run_id from pgflow.start_flow('cond_events', '{"go": false}'::jsonb) \gset

select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'maybe')) as k),
  array['event_type', 'flow_slug', 'id', 'run_id', 'skip_reason', 'skipped_at', 'status', 'step_slug'],
  'the payload has exactly these keys'
);
select is(
  pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'maybe') - 'id' - 'skipped_at',
  jsonb_build_object('event_type', 'step:skipped', 'run_id', :'run_id', 'flow_slug', 'cond_events',
                     'step_slug', 'maybe', 'status', 'skipped', 'skip_reason', 'condition_unmet'),
  'step:skipped has reason condition_unmet'
);

select * from finish();
rollback;
