-- Push dispatch: a task created while workers of its queue wait is started, at commit, for the one
-- waiting longest; its record is kept on that worker's waiting row and sent on its channel.
-- The deferred trigger fires at commit; SET CONSTRAINTS ... IMMEDIATE fires it inside the test.
begin;
select plan(8);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential', '11111111-1111-1111-1111-111111111111');
select pgflow_tests.ensure_worker('sequential', '22222222-2222-2222-2222-222222222222');

select pgflow.wait_for_task('11111111-1111-1111-1111-111111111111', 'sequential', 10000);
select pgflow.wait_for_task('22222222-2222-2222-2222-222222222222', 'sequential', 10000);
select pgflow.start_flow('sequential', '{"x": 1}'::jsonb);
select is((select status from pgflow.step_tasks), 'queued', 'until commit the new task is queued');
set constraints all immediate;

select is(
  (select format('%s %s %s', status, attempts_count, last_worker_id) from pgflow.step_tasks),
  'started 1 11111111-1111-1111-1111-111111111111',
  'the task is started for the worker that waited first'
);
select is(
  (select count(*)::int from pgmq.q_sequential
    where vt > clock_timestamp() + interval '2 seconds' and vt <= clock_timestamp() + interval '3 seconds'),
  1,
  'its message is hidden for the step timeout + 2 s'
);
select is(
  (select pushed_task - 'enqueued_at' - 'vt' - 'run_id' - 'message' from pgflow.waiting_workers
    where worker_id = '11111111-1111-1111-1111-111111111111'),
  '{"flow_slug": "sequential", "step_slug": "first", "input": {}, "msg_id": 1, "task_index": 0,
    "flow_input": {"x": 1}, "attempts_count": 1, "read_ct": 0, "headers": null}'::jsonb,
  'the worker''s row holds the task record (input, flow_input, attempt, message columns)'
);
select is(
  (select pushed_task is null from pgflow.waiting_workers
    where worker_id = '22222222-2222-2222-2222-222222222222'),
  true,
  'the other worker still waits'
);
select is((select count(*)::int from pgflow.push_candidates), 0, 'push_candidates stays empty');
select is(
  pgflow.stop_waiting('11111111-1111-1111-1111-111111111111') ->> 'step_slug',
  'first',
  'stop_waiting returns the pushed record'
);
select is(
  pgflow.stop_waiting('11111111-1111-1111-1111-111111111111'),
  null,
  'and ends the wait: a second call returns nothing'
);

select * from finish();
rollback;
