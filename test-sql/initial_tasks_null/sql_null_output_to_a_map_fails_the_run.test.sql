begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('null_output');
select pgflow.add_step('null_output', 'producer');
select pgflow.add_step('null_output', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('null_output', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('null_output', 5, 1);

select lives_ok(
  format($$ select pgflow.complete_task(%L, 'producer', 0, null) $$, :'run_id'),
  'completing with SQL NULL raises no exception'
);
select is(
  (select row(status, error_message, output)::text from pgflow.step_tasks where step_slug = 'producer'),
  row('failed', '[TYPE_VIOLATION] Produced null instead of array', null::jsonb)::text,
  'the task fails with a null type violation'
);
select is((select status from pgflow.runs), 'failed', 'the run fails');

select * from finish();
rollback;
