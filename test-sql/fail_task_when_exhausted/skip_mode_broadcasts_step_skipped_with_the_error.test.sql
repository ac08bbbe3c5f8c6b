begin;
select plan(8);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'b');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');

select pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'a') as payload \gset
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid, 'a'), 1, 'one step:skipped event');
select is((:'payload'::jsonb) ->> 'status', 'skipped', 'status skipped');
select is((:'payload'::jsonb) ->> 'skip_reason', 'handler_failed', 'skip_reason handler_failed');
select is((:'payload'::jsonb) ->> 'error_message', 'boom', 'error_message is the task error');
-- defect 14: upstream's step:skipped from fail_task has no flow_slug
select is((:'payload'::jsonb) ->> 'flow_slug', 'f', 'flow_slug is set');
select is((:'payload'::jsonb) ->> 'run_id', :'run_id', 'run_id is set');
select is(
  ((:'payload'::jsonb) ->> 'skipped_at')::timestamptz,
  (select skipped_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'skipped_at matches the step'
);
select is(
  (select event from pgflow_tests.get_realtime_message('step:skipped', :'run_id'::uuid, 'a')),
  'step:a:skipped',
  'the event is named step:a:skipped'
);

select * from finish();
rollback;
