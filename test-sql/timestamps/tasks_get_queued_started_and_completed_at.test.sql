begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select ok(
  (select queued_at = now() and started_at is null and completed_at is null from pgflow.step_tasks),
  'a new task has queued_at only'
);
select pgflow_tests.read_and_start('sequential', 5, 1);
select ok((select started_at = now() and started_at >= queued_at from pgflow.step_tasks), 'starting sets started_at');
select pgflow.complete_task(:'run_id', 'first', 0, '1'::jsonb);
select ok(
  (select completed_at = now() and completed_at >= started_at and failed_at is null
     from pgflow.step_tasks where step_slug = 'first'),
  'completing sets completed_at'
);
select ok(
  (select queued_at = now() and started_at is null from pgflow.step_tasks where step_slug = 'second'),
  'the next task is queued'
);

select * from finish();
rollback;
