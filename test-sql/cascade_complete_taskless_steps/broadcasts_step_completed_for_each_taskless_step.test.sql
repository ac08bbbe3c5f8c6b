begin;
select plan(12);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset

select pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm') as payload \gset
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 1, 'one step:completed event');
select is((:'payload'::jsonb) ->> 'event_type', 'step:completed', 'event_type is step:completed');
select is((:'payload'::jsonb) ->> 'status', 'completed', 'status completed');
select is((:'payload'::jsonb) -> 'output', '[]'::jsonb, 'a taskless map outputs []');
select is((:'payload'::jsonb) -> 'remaining_tasks', '0'::jsonb, 'remaining_tasks 0');
select is((:'payload'::jsonb) -> 'remaining_deps', '0'::jsonb, 'remaining_deps 0');
select is((:'payload'::jsonb) ->> 'run_id', :'run_id', 'run_id');
select is((:'payload'::jsonb) ->> 'step_slug', 'm', 'step_slug');
-- defect 14
select is((:'payload'::jsonb) ->> 'flow_slug', 'f', 'flow_slug');
select is(
  ((:'payload'::jsonb) ->> 'started_at')::timestamptz,
  ((:'payload'::jsonb) ->> 'completed_at')::timestamptz,
  'started_at equals completed_at'
);
select is(
  ((:'payload'::jsonb) ->> 'completed_at')::timestamptz,
  (select completed_at from pgflow.step_states where run_id = :'run_id'),
  'completed_at matches the step'
);
select is(
  (select row(event, topic)::text from pgflow_tests.get_realtime_message('step:completed', :'run_id'::uuid, 'm')),
  row('step:m:completed', 'pgflow:run:' || :'run_id')::text,
  'the event is step:m:completed on the run topic'
);

select * from finish();
rollback;
