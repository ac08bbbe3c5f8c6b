begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg', max_attempts => 1);
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[0, 1, 2]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', 0, '"a"'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 1, '"b"'::jsonb);
select pgflow.fail_task(:'run_id', 'm', 2, 'broken');

select is(
  (select row(status, output)::text from pgflow.step_states),
  row('failed', null::jsonb)::text,
  'a failed map has no aggregated output'
);
select is((select output from pgflow.runs), null, 'the failed run has no output');

-- A late completion of a failed run changes nothing.
select pgflow.complete_task(:'run_id', 'm', 2, '"c"'::jsonb);
select is((select output from pgflow.step_states), null, 'a late completion does not aggregate');

select * from finish();
rollback;
