begin;
select plan(3);
select pgflow_tests.reset_db();

select pgflow.create_flow('send_email');
select pgflow.add_step('send_email', 'job');

select is(
  (select count(*)::int from pgflow.enqueue_job('send_email', '{}'::jsonb, run_id => '22222222-2222-2222-2222-222222222222')),
  1,
  'returns one run row'
);
select is(
  (select count(*)::int from pgmq.read('send_email', 1, 10)),
  1,
  'the task is visible at once with the default delay of 0'
);
select throws_ok(
  $$ select pgflow.enqueue_job('send_email', '{}'::jsonb, -1) $$,
  'P0001',
  'enqueue_job: delay_seconds must be 0 or more, got -1',
  'a negative delay is rejected'
);

select * from finish();
rollback;
