begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('failing', max_attempts => 2, base_delay => 0);
select pgflow.add_step('failing', 'bad');
select run_id from pgflow.start_flow('failing', '{}'::jsonb) \gset

select pgflow_tests.read_and_start('failing', 5, 1);
select pgflow.fail_task(:'run_id', 'bad', 0, 'first failure');
select ok(
  (select status = 'queued' and failed_at is null and started_at is null from pgflow.step_tasks),
  'a retried task has neither failed_at nor started_at'
);

select pgflow_tests.read_and_start('failing', 5, 1);
select pgflow.fail_task(:'run_id', 'bad', 0, 'second failure');
select ok(
  (select failed_at = now() and failed_at >= started_at and completed_at is null from pgflow.step_tasks),
  'the exhausted task has failed_at and keeps started_at'
);
select ok(
  (select failed_at = now() and failed_at >= started_at and completed_at is null from pgflow.step_states),
  'the failed step has failed_at'
);
select ok(
  (select failed_at = now() and failed_at >= started_at and completed_at is null from pgflow.runs),
  'the failed run has failed_at'
);

select * from finish();
rollback;
