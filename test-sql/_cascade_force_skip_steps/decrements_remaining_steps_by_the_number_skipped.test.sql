begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet'), 2, 'returns the number skipped');
select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 1)::text,
  'remaining_steps drops by two and the run is not completed here'
);

select * from finish();
rollback;
