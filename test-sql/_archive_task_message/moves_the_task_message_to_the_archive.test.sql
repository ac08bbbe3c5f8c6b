begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' \gset

select lives_ok(format('select pgflow._archive_task_message(%L, %L, 0)', :'run_id', 'a'), 'archiving works');
select is((select count(*)::int from pgmq.q_f where msg_id = :msg_id), 0, 'the message left the queue');
select is(
  (select message from pgmq.a_f where msg_id = :msg_id),
  jsonb_build_object('flow_slug', 'f', 'run_id', :'run_id'::uuid, 'step_slug', 'a', 'task_index', 0),
  'the archive keeps the message under the same msg_id'
);
select is(
  (select status from pgflow.step_tasks where run_id = :'run_id'),
  'queued',
  'the task row is not changed'
);

select * from finish();
rollback;
