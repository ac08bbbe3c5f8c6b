-- A worker with a lease whose heartbeat is older than the lease is dead: its started tasks go back
-- to 'queued' at once (no step timeout + 30 s wait) and their messages become visible (notify
-- workers also get a notification on the queue's insert channel at commit).
begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select pgflow_tests.ensure_worker('sequential', '11111111-1111-1111-1111-111111111111');
select pgflow.set_worker_leases(array['11111111-1111-1111-1111-111111111111'::uuid], 4000);
select pgflow.start_flow('sequential', '{}'::jsonb);
select pgflow_tests.read_and_start('sequential', 30, 1, '11111111-1111-1111-1111-111111111111');

select is(pgflow.requeue_orphaned_tasks(), 0, 'nothing is taken over while the heartbeat is within the lease');

update pgflow.workers set last_heartbeat_at = clock_timestamp() - interval '5 seconds'
 where worker_id = '11111111-1111-1111-1111-111111111111';
-- it was also waiting for a pushed task when it died
insert into pgflow.waiting_workers (worker_id, queue_name, expires_at)
values ('11111111-1111-1111-1111-111111111111', 'sequential', clock_timestamp() + interval '1 minute');
select is(pgflow.requeue_orphaned_tasks(), 1, 'once the heartbeat is older than the lease, the task is requeued');
select results_eq(
  $$select status, requeued_count, last_worker_id, started_at from pgflow.step_tasks$$,
  $$values ('queued', 1, null::uuid, null::timestamptz)$$,
  'the task is queued again, with no worker, and counted as requeued');
select ok(
  (select q.vt <= clock_timestamp() from pgmq.q_sequential q join pgflow.step_tasks t on t.message_id = q.msg_id),
  'its message is visible at once');
select is(pgflow.requeue_orphaned_tasks(), 0, 'a second call finds nothing');
select is((select count(*)::int from pgflow.waiting_workers), 0, 'and the dead worker''s wait is ended, so nothing is pushed to it');

select * from finish();
rollback;
