begin;
select plan(3);
select pgflow_tests.reset_db();
-- create_flow's default base_delay is 5
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(pgflow.calculate_retry_delay(5, 1), 10, 'calculate_retry_delay(5, 1) is 10');
select pgflow_tests.assert_retry_delay('f', 'a', pgflow.calculate_retry_delay(5, 1),
  'the first retry is delayed by floor(5 * 2^1) seconds');
select ok(
  (select vt > clock_timestamp() + interval '8 seconds' from pgflow_tests.message_timing('a', 'f')),
  'the message is hidden meanwhile'
);

select * from finish();
rollback;
