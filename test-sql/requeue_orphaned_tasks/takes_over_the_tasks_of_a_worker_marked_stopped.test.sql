-- A worker marks itself stopped only after its tasks ended: a task still started under a stopped
-- worker is orphaned, whatever its heartbeat.
begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select pgflow_tests.ensure_worker('sequential', '11111111-1111-1111-1111-111111111111');
select pgflow.set_worker_leases(array['11111111-1111-1111-1111-111111111111'::uuid], 60000);
select pgflow.start_flow('sequential', '{}'::jsonb);
select pgflow_tests.read_and_start('sequential', 30, 1, '11111111-1111-1111-1111-111111111111');
select pgflow.mark_worker_stopped('11111111-1111-1111-1111-111111111111');

select is(pgflow.requeue_orphaned_tasks(), 1, 'the task is requeued');
select is((select status from pgflow.step_tasks), 'queued', 'it is queued again');

select * from finish();
rollback;
