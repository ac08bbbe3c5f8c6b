begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('d');
select pgflow.add_step('d', 'a');
select pgflow.add_step('d', 'b', array['a']);
select pgflow.add_step('d', 'c', array['a']);
select pgflow.add_step('d', 'z', array['b', 'c']);
select run_id from pgflow.start_flow('d', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('d', 30, 10);
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '1'::jsonb);
select count(*) from pgflow_tests.read_and_start('d', 30, 10);

select count(*) from pgflow.complete_tasks(
  array[:'run_id', :'run_id']::uuid[], array['c', 'b'], array[0, 0], array['3'::jsonb, '2'::jsonb]);

select is(
  (select row(status, remaining_deps, remaining_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'z'),
  row('started', 0, 1)::text,
  'the child waits for no dependency and is started'
);
select is((select count(*)::integer from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'z'), 1, 'with one task');
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'z'), 1, 'and one step:started');
select is(
  (select input from pgflow_tests.read_and_start('d', 30, 10)),
  '{"b": 2, "c": 3}'::jsonb,
  'its input holds both parents'' outputs'
);

select * from finish();
rollback;
