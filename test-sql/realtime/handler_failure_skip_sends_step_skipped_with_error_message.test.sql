begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('skip_events', max_attempts => 1);
select pgflow.add_step('skip_events', 'flaky', when_exhausted => 'skip');
select run_id from pgflow.start_flow('skip_events', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('skip_events', 5, 1);
select pgflow.fail_task(:'run_id', 'flaky', 0, 'handler broke');

select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'flaky')) as k),
  array['error_message', 'event_type', 'flow_slug', 'id', 'run_id', 'skip_reason', 'skipped_at', 'status', 'step_slug'],
  'the payload has these keys, flow_slug included'
);
select is(
  pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'flaky') - 'id' - 'skipped_at',
  jsonb_build_object('event_type', 'step:skipped', 'run_id', :'run_id', 'flow_slug', 'skip_events',
                     'step_slug', 'flaky', 'status', 'skipped', 'skip_reason', 'handler_failed',
                     'error_message', 'handler broke'),
  'step:skipped has reason handler_failed and the error'
);
select is(
  (select m.event from pgflow_tests.get_realtime_message('step:skipped', :'run_id'::uuid, 'flaky') m),
  'step:flaky:skipped',
  'event name step:<slug>:skipped'
);

select * from finish();
rollback;
