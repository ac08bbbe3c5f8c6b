begin;
select plan(10);
select pgflow_tests.reset_db();

select pgflow.create_flow('stall', timeout => 60);
select pgflow.add_step('stall', 'a');
select pgflow.start_flow('stall', '{}'::jsonb);
select pgflow_tests.read_and_start('stall');

-- Started 89 s ago: within timeout (60) + 30 s.
update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '89 seconds';
select is(pgflow.requeue_stalled_tasks(), 0, 'a task started 89 s ago (timeout 60) is not stalled');
select is((select status from pgflow.step_tasks), 'started', 'it stays started');

update pgflow.step_tasks set started_at = now() - interval '91 seconds';
select is(pgflow.requeue_stalled_tasks(), 1, 'a task started 91 s ago is requeued and counted');

select is((select status from pgflow.step_tasks), 'queued', 'the task is queued again');
select is(
  (select row(started_at, last_worker_id)::text from pgflow.step_tasks),
  row(null::timestamptz, null::uuid)::text,
  'started_at and last_worker_id are cleared'
);
select is(
  (select row(requeued_count, last_requeued_at)::text from pgflow.step_tasks),
  row(1, now())::text,
  'requeued_count is incremented and last_requeued_at set'
);
select is((select attempts_count from pgflow.step_tasks), 1, 'attempts_count is kept');
select ok(
  (select q.vt <= clock_timestamp() from pgmq.q_stall q
     join pgflow.step_tasks t on t.message_id = q.msg_id),
  'the message is visible at once'
);
select is(
  (select count(*)::int from pgflow_tests.read_and_start('stall')),
  1,
  'a worker can claim the task again'
);
select is((select attempts_count from pgflow.step_tasks), 2, 'the restart counts as an attempt');

select finish();
rollback;
