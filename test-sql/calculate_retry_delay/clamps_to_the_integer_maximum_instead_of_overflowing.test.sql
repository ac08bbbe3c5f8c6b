begin;
select plan(7);

-- Defect 8: upstream raised "integer out of range" above 2^31 - 1, which made fail_task raise.
select is(pgflow.calculate_retry_delay(5, 29), 2147483647, '(5, 29) is clamped to 2147483647');
select is(pgflow.calculate_retry_delay(1, 31), 2147483647, '2^31 is clamped');
select is(pgflow.calculate_retry_delay(2147483647, 0), 2147483647, 'the maximum itself is kept');
select is(pgflow.calculate_retry_delay(2147483647.9, 0), 2147483647, 'just below 2^31 floors to the maximum');
select is(pgflow.calculate_retry_delay(60, 2147483647), 2147483647, 'the largest attempts_count is clamped');
select is(pgflow.calculate_retry_delay(1e300, 2), 2147483647, 'a huge base delay is clamped');
select is(pgflow.calculate_retry_delay(1e-300, 1020), 11235582, 'a tiny base with many attempts is computed, not overflowed');

select * from finish();
rollback;
