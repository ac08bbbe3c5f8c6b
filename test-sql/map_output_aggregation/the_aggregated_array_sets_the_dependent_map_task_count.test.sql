begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select pgflow.add_step('agg', 'm2', array['m'], step_type => 'map');
select run_id from pgflow.start_flow('agg', '[1, 2, 3, 4]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', i, null) from generate_series(0, 3) as i;

select is((select output from pgflow.step_states where step_slug = 'm'), '[null, null, null, null]'::jsonb,
  'null outputs aggregate to an array of nulls');
select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where step_slug = 'm2'),
  row('started', 4)::text,
  'the dependent map gets one task per element, nulls included'
);

select * from finish();
rollback;
