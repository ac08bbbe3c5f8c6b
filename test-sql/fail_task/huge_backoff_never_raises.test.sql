begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 100, base_delay => 5);
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
update pgflow.step_tasks set attempts_count = 40 where run_id = :'run_id';

-- defect 8: upstream's calculate_retry_delay overflows int (5 * 2^40) and makes fail_task raise
select lives_ok(
  format('select pgflow.fail_task(%L, %L, 0, %L)', :'run_id', 'a', 'late failure'),
  'fail_task does not raise for a huge backoff'
);
select is(
  (select status from pgflow.step_tasks where run_id = :'run_id'),
  'queued',
  'the task is queued for a retry'
);
select ok(
  (select vt > clock_timestamp() + interval '1 day' from pgflow_tests.message_timing('a', 'f')),
  'the message is hidden for a clamped, long delay'
);

select * from finish();
rollback;
