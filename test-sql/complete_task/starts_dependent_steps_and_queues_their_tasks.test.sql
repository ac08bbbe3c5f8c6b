begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'second'),
  row('created', 1)::text,
  'the dependent waits for its dependency'
);

select count(*) from pgflow_tests.poll_and_complete('sequential');

select is(
  (select row(status, remaining_deps, remaining_tasks)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'second'),
  row('started', 0, 1)::text,
  'the dependent started once its only dependency completed'
);
select is(
  (select row(status, attempts_count, task_index)::text from pgflow.step_tasks
    where run_id = :'run_id' and step_slug = 'second'),
  row('queued', 0, 0)::text,
  'one queued task was created for it'
);
select is(
  (select q.message from pgmq.q_sequential q
     join pgflow.step_tasks t on t.message_id = q.msg_id
    where t.run_id = :'run_id' and t.step_slug = 'second'),
  jsonb_build_object('flow_slug', 'sequential', 'run_id', :'run_id'::uuid, 'step_slug', 'second', 'task_index', 0),
  'its message is in the queue with the task body'
);
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'last'),
  row('created', 1)::text,
  'the grandchild still waits'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'last'),
  0,
  'the grandchild has no task yet'
);

select * from finish();
rollback;
