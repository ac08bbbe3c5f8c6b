begin;
select plan(8);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('sequential');
select count(*) from pgflow.complete_task(:'run_id', 'first', 0, '{"result": [1, 2]}'::jsonb);

select pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'first') as payload \gset

select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'first'), 1, 'one step:completed event');
select is((:'payload'::jsonb) ->> 'status', 'completed', 'status is completed');
select is((:'payload'::jsonb) -> 'output', '{"result": [1, 2]}'::jsonb, 'output is the stored step output');
select is((:'payload'::jsonb) ->> 'run_id', :'run_id', 'run_id is set');
select is((:'payload'::jsonb) ->> 'step_slug', 'first', 'step_slug is set');
-- defect 14: every step event carries flow_slug (upstream's step:completed does not)
select is((:'payload'::jsonb) ->> 'flow_slug', 'sequential', 'flow_slug is set');
select is(
  ((:'payload'::jsonb) ->> 'completed_at')::timestamptz,
  (select completed_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  'completed_at matches the step state'
);
select is(
  (select row(event, topic)::text from pgflow_tests.get_realtime_message('step:completed', :'run_id'::uuid, 'first')),
  row('step:first:completed', 'pgflow:run:' || :'run_id')::text,
  'the event is named step:<slug>:completed on the run topic'
);

select * from finish();
rollback;
