begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', base_delay => 10);
select pgflow.add_step('f', 'a', base_delay => 3);
select pgflow.add_step('f', 'b');
select pgflow.start_flow('f', '{}'::jsonb);
select count(*) from pgflow_tests.poll_and_fail('f', 1, 10);

-- vt - clock_timestamp() lies in (delay - 1 s, delay] right after the failure
select ok(
  (select vt > clock_timestamp() + interval '5 seconds' and vt <= clock_timestamp() + interval '6 seconds'
     from pgflow_tests.message_timing('a', 'f')),
  'the step base_delay 3 gives calculate_retry_delay(3, 1) = 6 s'
);
select ok(
  (select vt > clock_timestamp() + interval '19 seconds' and vt <= clock_timestamp() + interval '20 seconds'
     from pgflow_tests.message_timing('b', 'f')),
  'the flow base_delay 10 gives calculate_retry_delay(10, 1) = 20 s'
);

select * from finish();
rollback;
