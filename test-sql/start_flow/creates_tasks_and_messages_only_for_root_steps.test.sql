begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots');

select run_id from pgflow.start_flow('two_roots', '{"x": 1}'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, task_index, status, attempts_count)::text order by step_slug)
     from pgflow.step_tasks where run_id = :'run_id'),
  array[row('root_a', 0, 'queued', 0)::text, row('root_b', 0, 'queued', 0)::text],
  'one queued task per root step, none for the dependent step'
);
select is(
  (select count(*)::int from pgmq.q_two_roots),
  2,
  'one message per root task'
);
select is(
  (select count(*)::int
     from pgflow.step_tasks t join pgmq.q_two_roots q on q.msg_id = t.message_id
    where t.run_id = :'run_id'),
  2,
  'each task stores the msg_id of its message'
);
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['created', 'started', 'started'],
  'root steps are started, the dependent step stays created'
);
select ok(
  (select bool_and(queued_at = now() and started_at is null) from pgflow.step_tasks where run_id = :'run_id'),
  'tasks are queued now and not started'
);

select * from finish();
rollback;
