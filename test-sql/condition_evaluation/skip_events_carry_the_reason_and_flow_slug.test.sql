begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'keep');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'a') as payload \gset
select is((:'payload'::jsonb) ->> 'status', 'skipped', 'status skipped');
select is((:'payload'::jsonb) ->> 'skip_reason', 'condition_unmet', 'skip_reason condition_unmet');
select is((:'payload'::jsonb) ->> 'flow_slug', 'f', 'flow_slug is set');
select is(
  ((:'payload'::jsonb) ->> 'skipped_at')::timestamptz,
  (select skipped_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'skipped_at matches the step'
);
select is(
  (select row(event, topic)::text from pgflow_tests.get_realtime_message('step:skipped', :'run_id'::uuid, 'a')),
  row('step:a:skipped', 'pgflow:run:' || :'run_id')::text,
  'the event is step:a:skipped on the run topic'
);
select ok(not ((:'payload'::jsonb) ? 'error_message'), 'a condition skip has no error_message');

select * from finish();
rollback;
