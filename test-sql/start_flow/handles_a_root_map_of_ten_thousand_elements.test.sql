-- Correctness on a large map; no tight time limit (timings depend on the machine).
begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow.create_flow('large');
select pgflow.add_step('large', 'm', step_type => 'map');

select run_id from pgflow.start_flow('large', (select jsonb_agg(i) from generate_series(1, 10000) as i)) \gset

select is(
  (select row(status, initial_tasks, remaining_tasks)::text from pgflow.step_states where run_id = :'run_id'),
  row('started', 10000, 10000)::text,
  'the map starts with 10 000 tasks'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 10000, '10 000 tasks exist');
select is(
  (select count(distinct task_index)::int from pgflow.step_tasks
    where run_id = :'run_id' and task_index between 0 and 9999),
  10000,
  'task indexes are 0..9999'
);
select is((select count(*)::int from pgmq.q_large), 10000, '10 000 messages are sent');
select is(
  (select count(*)::int from pgflow.step_tasks t join pgmq.q_large q on q.msg_id = t.message_id
    where (q.message ->> 'task_index')::int = t.task_index and q.message ->> 'step_slug' = 'm'),
  10000,
  'every task points to the message with its own task_index'
);
select is(
  (select count(distinct message_id)::int from pgflow.step_tasks where run_id = :'run_id'),
  10000,
  'message ids are distinct'
);

select * from finish();
rollback;
