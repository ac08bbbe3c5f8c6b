-- A task whose worker heartbeats is never taken over, however long it runs; a worker without a
-- lease (pgflow's own workers) is left to requeue_stalled_tasks, whatever its heartbeat.
begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots');

select pgflow_tests.ensure_worker('two_roots', '11111111-1111-1111-1111-111111111111');
select pgflow_tests.ensure_worker('two_roots', '22222222-2222-2222-2222-222222222222');
select pgflow.set_worker_leases(array['11111111-1111-1111-1111-111111111111'::uuid], 4000);
select pgflow.start_flow('two_roots', '{}'::jsonb);
select pgflow_tests.read_and_start('two_roots', 30, 1, '11111111-1111-1111-1111-111111111111');
select pgflow_tests.read_and_start('two_roots', 30, 1, '22222222-2222-2222-2222-222222222222');
-- Both started long ago; the leased worker heartbeats, the other one stopped heartbeating.
update pgflow.step_tasks set started_at = now() - interval '1 hour', queued_at = now() - interval '1 hour';
update pgflow.workers set last_heartbeat_at = clock_timestamp() - interval '1 hour'
 where worker_id = '22222222-2222-2222-2222-222222222222';

select is(pgflow.requeue_orphaned_tasks(), 0, 'neither task is taken over');
select is((select count(*)::int from pgflow.step_tasks where status = 'started'), 2, 'both stay started');

select * from finish();
rollback;
