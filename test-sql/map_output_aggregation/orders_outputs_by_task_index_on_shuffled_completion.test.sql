begin;
select plan(1);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[0, 1, 2, 3, 4, 5, 6, 7]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', i, to_jsonb(i * 100))
  from unnest(array[3, 7, 0, 5, 1, 6, 2, 4]) as i;

select is(
  (select output from pgflow.step_states),
  '[0, 100, 200, 300, 400, 500, 600, 700]'::jsonb,
  'a shuffled completion order aggregates by task_index'
);

select * from finish();
rollback;
