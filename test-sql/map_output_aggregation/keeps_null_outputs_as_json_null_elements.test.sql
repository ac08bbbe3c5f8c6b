begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[0, 1, 2, 3]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', 0, '1'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 1, null);
select pgflow.complete_task(:'run_id', 'm', 2, 'null'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 3, '4'::jsonb);

select is((select output from pgflow.step_states), '[1, null, null, 4]'::jsonb,
  'SQL NULL and JSON null outputs both become null elements');
select is((select jsonb_array_length(output) from pgflow.step_states), 4, 'no element is dropped');

select * from finish();
rollback;
