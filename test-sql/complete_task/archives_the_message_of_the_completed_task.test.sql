begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'first' \gset
select count(*) from pgflow_tests.read_and_start('sequential');

select is(
  (select count(*)::int from pgflow.complete_task(:'run_id', 'first', 0, '{"ok": true}'::jsonb)),
  1,
  'complete_task returns the task row'
);
select is(
  (select count(*)::int from pgmq.q_sequential where msg_id = :msg_id),
  0,
  'the message left the queue'
);
select is(
  (select count(*)::int from pgmq.a_sequential where msg_id = :msg_id),
  1,
  'the message is in the archive'
);

select * from finish();
rollback;
