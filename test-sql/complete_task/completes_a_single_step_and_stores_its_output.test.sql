begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('sequential');
select count(*) from pgflow.complete_task(:'run_id', 'first', 0, '{"result": 42}'::jsonb);

select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'first'),
  row('completed', 0, '{"result": 42}'::jsonb)::text,
  'the step is completed with remaining_tasks 0 and the task output'
);
select is(
  (select completed_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  now(),
  'the step completed_at is the transaction time'
);
select ok(
  (select completed_at >= started_at and failed_at is null and skipped_at is null
     from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  'the step timestamps are ordered and exclusive'
);
select is(
  (select output from pgflow.step_states where run_id = :'run_id' and step_slug = 'second'),
  null,
  'the dependent step has no output yet'
);

select * from finish();
rollback;
