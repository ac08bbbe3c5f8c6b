-- A task whose workers keep dying (it crashes them, e.g. out of memory) is requeued
-- pgflow.max_requeues times, then fails through fail_task's exhausted path with a reason.
begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select pgflow_tests.ensure_worker('sequential', '11111111-1111-1111-1111-111111111111');
select pgflow.set_worker_leases(array['11111111-1111-1111-1111-111111111111'::uuid], 4000);
select pgflow.start_flow('sequential', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('sequential', 30, 1, '11111111-1111-1111-1111-111111111111');
update pgflow.step_tasks set requeued_count = 3;
update pgflow.workers set last_heartbeat_at = clock_timestamp() - interval '5 seconds';

select is(pgflow.requeue_orphaned_tasks(), 0, 'a task at the requeue limit is not requeued');
select results_eq(
  $$select status, error_message from pgflow.step_tasks$$,
  $$values ('failed', 'Task abandoned: its worker stopped heartbeating; requeued 3 times without completing (limit pgflow.max_requeues = 3)')$$,
  'it fails with the reason');
select is((select status from pgflow.runs), 'failed', 'and its run fails (when_exhausted fail)');

select * from finish();
rollback;
