begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select throws_ok(
  format($$ update pgflow.step_states set output = '{"x": 1}' where run_id = %L and step_slug = 'first' $$, :'run_id'),
  '23514',
  'new row for relation "step_states" violates check constraint "output_only_for_completed_or_null"',
  'a started step cannot have an output'
);
select throws_ok(
  format($$ update pgflow.step_states set output = '{"x": 1}' where run_id = %L and step_slug = 'second' $$, :'run_id'),
  '23514',
  'new row for relation "step_states" violates check constraint "output_only_for_completed_or_null"',
  'a created step cannot have an output'
);

select * from finish();
rollback;
