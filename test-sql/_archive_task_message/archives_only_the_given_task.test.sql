begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset

select pgflow._archive_task_message(:'run_id', 'm', 1);
select is(
  (select array_agg(t.task_index order by t.task_index) from pgmq.a_f a join pgflow.step_tasks t on t.message_id = a.msg_id),
  array[1],
  'only the message of task 1 is archived'
);
select is(
  (select array_agg(t.task_index order by t.task_index) from pgmq.q_f q join pgflow.step_tasks t on t.message_id = q.msg_id),
  array[0, 2],
  'the siblings stay in the queue'
);

select * from finish();
rollback;
