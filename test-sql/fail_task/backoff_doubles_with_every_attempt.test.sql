begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('one', max_attempts => 5, base_delay => 1);
select pgflow.add_step('one', 'a');
select pgflow.create_flow('two', max_attempts => 5, base_delay => 2);
select pgflow.add_step('two', 'a');
select pgflow.start_flow('one', '{}'::jsonb);
select pgflow.start_flow('two', '{}'::jsonb);

-- The delay is measured from the moment of the failure (vt - clock_timestamp() lies in
-- (delay - 1 s, delay]), so the checks do not depend on how long the transaction has run.
create function pg_temp.hidden_for(p_queue text, p_delay integer) returns boolean language sql as $$
  select t.vt > clock_timestamp() + make_interval(secs => p_delay - 1)
     and t.vt <= clock_timestamp() + make_interval(secs => p_delay)
    from pgflow_tests.message_timing('a', p_queue) as t
$$;

-- base 1: first failure 2 s, second failure 4 s
select count(*) from pgflow_tests.poll_and_fail('one');
select ok(pg_temp.hidden_for('one', pgflow.calculate_retry_delay(1, 1)), 'base 1, first failure: calculate_retry_delay(1, 1) = 2 s');
select pgflow_tests.reset_message_visibility('one');
select count(*) from pgflow_tests.poll_and_fail('one');
select ok(pg_temp.hidden_for('one', 4), 'base 1, second failure: calculate_retry_delay(1, 2) = 4 s');

-- base 2: third failure 16 s
select count(*) from pgflow_tests.poll_and_fail('two');
select pgflow_tests.reset_message_visibility('two');
select count(*) from pgflow_tests.poll_and_fail('two');
select pgflow_tests.reset_message_visibility('two');
select count(*) from pgflow_tests.poll_and_fail('two');
select ok(pg_temp.hidden_for('two', pgflow.calculate_retry_delay(2, 3)), 'base 2, third failure: calculate_retry_delay(2, 3) = 16 s');
select is(
  (select attempts_count from pgflow.step_tasks where flow_slug = 'two'),
  3,
  'the delay exponent is the attempts count'
);

select * from finish();
rollback;
