begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select pgflow.add_step('f', 'z', array['m']);
select run_id from pgflow.start_flow('f', '[10, 20, 30, 40]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 30, 10);

-- Task 3 alone first, then the other three in one batch, out of order.
select count(*) from pgflow.complete_tasks(array[:'run_id']::uuid[], array['m'], array[3], array['"d"'::jsonb]);
select count(*) from pgflow.complete_tasks(
  array[:'run_id', :'run_id', :'run_id']::uuid[], array['m', 'm', 'm'], array[2, 0, 1],
  array['"c"'::jsonb, '"a"'::jsonb, 'null'::jsonb]);

select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('completed', 0, '["a", null, "c", "d"]'::jsonb)::text,
  'the map completes once, its output ordered by task_index'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 1, 'with one step:completed');
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'z'),
  row('started', 0)::text,
  'its child starts'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'the run counts the map once');

select * from finish();
rollback;
