begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('map_out');
select pgflow.add_step('map_out', 'm', step_type => 'map');
select run_id from pgflow.start_flow('map_out', '[1, 2, 3]'::jsonb) \gset
select pgflow_tests.read_and_start('map_out', 5, 10);

select pgflow.complete_task(:'run_id', 'm', 2, '"third"'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 0, '"first"'::jsonb);
select is((select output from pgflow.step_states), null, 'no output while tasks are missing');
select pgflow.complete_task(:'run_id', 'm', 1, null);

select is(
  (select output from pgflow.step_states),
  '["first", null, "third"]'::jsonb,
  'the map output is ordered by task_index, with NULL as JSON null'
);

select * from finish();
rollback;
