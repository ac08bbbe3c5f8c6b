begin;
select plan(4);
select pgflow_tests.reset_db();

select pgflow.create_flow('send_email');
select pgflow.add_step('send_email', 'job');
select pgflow.mark_job('send_email');

select is(
  (select status from pgflow.enqueue_job('send_email', '{"to": "a@example.com"}', 30)),
  'started',
  'returns the started run'
);
select is(
  (select input from pgflow.runs),
  '{"to": "a@example.com"}'::jsonb,
  'stores the input like start_flow'
);
select ok(
  (select vt between clock_timestamp() + interval '28 seconds' and clock_timestamp() + interval '31 seconds'
     from pgmq.q_send_email),
  'the task message becomes visible only after the delay'
);
select is_empty(
  $$ select * from pgmq.read('send_email', 1, 10) $$,
  'nothing can be read before the delay'
);

select * from finish();
rollback;
