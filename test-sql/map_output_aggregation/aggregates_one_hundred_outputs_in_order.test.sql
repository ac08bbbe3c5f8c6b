begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', (select jsonb_agg(i) from generate_series(0, 99) as i)) \gset
select pgflow_tests.read_and_start('agg', 5, 100);

select pgflow.complete_task(:'run_id', 'm', i, jsonb_build_object('i', i))
  from unnest(array(select g from generate_series(0, 99) as g order by md5(g::text))) as i;

select is(
  (select output from pgflow.step_states),
  (select jsonb_agg(jsonb_build_object('i', i) order by i) from generate_series(0, 99) as i),
  '100 outputs completed in a scrambled order are aggregated by task_index'
);
select is((select status from pgflow.runs), 'completed', 'the run completes');

select * from finish();
rollback;
