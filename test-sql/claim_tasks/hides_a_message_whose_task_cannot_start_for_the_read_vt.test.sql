begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset
-- The task is started already (by another protocol), and its message is visible again.
select count(*) from pgflow_tests.read_and_start('sequential');
select pgflow_tests.reset_message_visibility('sequential');

select is_empty(
  $$ select * from pgflow.claim_tasks('sequential', 7, 10, '11111111-1111-1111-1111-111111111111') $$,
  'nothing is claimed'
);
select ok(
  (select vt between clock_timestamp() + interval '6 seconds' and clock_timestamp() + interval '7 seconds' from pgmq.q_sequential),
  'the message is hidden for the read vt (7 s), not for the step timeout'
);

select * from finish();
rollback;
