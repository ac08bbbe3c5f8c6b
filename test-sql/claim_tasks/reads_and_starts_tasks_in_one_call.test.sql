begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');

select pgflow.start_flow('sequential', '{"x": 1}'::jsonb);
select pgflow.start_flow('sequential', '{"x": 2}'::jsonb);

create temp table claimed as
select * from pgflow.claim_tasks('sequential', 5, 10, '11111111-1111-1111-1111-111111111111');

select is((select count(*)::int from claimed), 2, 'claims every visible task, up to qty');
select is(
  (select array_agg(flow_input order by msg_id) from claimed),
  array['{"x": 1}', '{"x": 2}']::jsonb[],
  'returns the task records of start_tasks'
);
select ok((select bool_and(attempts_count = 1 and read_ct = 1) from claimed),
  'adds the attempt number after the claim and the message read count');
select is(
  (select count(*)::int from pgflow.step_tasks where status = 'started'
     and last_worker_id = '11111111-1111-1111-1111-111111111111'),
  2,
  'the tasks are started by the worker'
);
select ok(
  (select bool_and(vt > clock_timestamp() + interval '2 seconds') from pgmq.q_sequential),
  'the messages stay hidden for the step timeout + 2 s, not just the read vt'
);
select is_empty(
  $$ select * from pgflow.claim_tasks('sequential', 5, 10, '11111111-1111-1111-1111-111111111111') $$,
  'an empty queue claims nothing'
);

select * from finish();
rollback;
