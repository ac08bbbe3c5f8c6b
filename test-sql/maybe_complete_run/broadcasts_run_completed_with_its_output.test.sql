begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '{"answer": 42}'::jsonb);

select pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid) as payload \gset
select is((:'payload'::jsonb) ->> 'status', 'completed', 'status completed');
select is((:'payload'::jsonb) -> 'output', '{"a": {"answer": 42}}'::jsonb, 'output is the run output');
select is((:'payload'::jsonb) ->> 'flow_slug', 'f', 'flow_slug');
select is((:'payload'::jsonb) ->> 'run_id', :'run_id', 'run_id');
select is(
  ((:'payload'::jsonb) ->> 'completed_at')::timestamptz,
  (select completed_at from pgflow.runs where run_id = :'run_id'),
  'completed_at matches the run'
);
select is(
  (select row(event, topic)::text from pgflow_tests.get_realtime_message('run:completed', :'run_id'::uuid)),
  row('run:completed', 'pgflow:run:' || :'run_id')::text,
  'the event is run:completed on the run topic'
);

select * from finish();
rollback;
