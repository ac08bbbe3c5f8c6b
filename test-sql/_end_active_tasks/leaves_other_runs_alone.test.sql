begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id as run1 from pgflow.start_flow('f', '{}'::jsonb) \gset
select run_id as run2 from pgflow.start_flow('f', '{}'::jsonb) \gset

select pgflow._end_active_tasks(:'run1', null, 'cancelled');
select is((select status from pgflow.step_tasks where run_id = :'run2'), 'queued', 'the other run keeps its task');
select is(
  (select count(*)::int from pgmq.q_f q join pgflow.step_tasks t on t.message_id = q.msg_id where t.run_id = :'run2'),
  1,
  'and its message'
);

select * from finish();
rollback;
