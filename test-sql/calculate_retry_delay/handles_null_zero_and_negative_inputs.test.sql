begin;
select plan(7);

select is(pgflow.calculate_retry_delay(null, 3), null, 'a NULL base delay gives NULL');
select is(pgflow.calculate_retry_delay(5, null), null, 'a NULL attempts_count gives NULL');
select is(pgflow.calculate_retry_delay(0, 100), 0, 'base delay 0 retries at once, whatever the attempts');
select is(pgflow.calculate_retry_delay(-5, 3), 0, 'a negative base delay retries at once');
select is(pgflow.calculate_retry_delay(4, -1), 2, 'a negative attempts_count follows the formula');
select is(pgflow.calculate_retry_delay(1, -2147483648), 0, 'the smallest attempts_count gives 0');
select is(pgflow.calculate_retry_delay(1e300, -990), 95, 'a huge base with negative attempts is computed');

select * from finish();
rollback;
