begin;
select plan(1);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[0, 1, 2, 3, 4]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', i, to_jsonb('out_' || i)) from generate_series(4, 0, -1) as i;

select is(
  (select output from pgflow.step_states),
  '["out_0", "out_1", "out_2", "out_3", "out_4"]'::jsonb,
  'completing in reverse order still aggregates by task_index'
);

select * from finish();
rollback;
