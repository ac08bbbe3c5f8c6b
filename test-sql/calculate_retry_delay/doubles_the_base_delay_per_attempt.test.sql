begin;
select plan(8);

-- floor(base_delay * 2^attempts_count), upstream's values (pgflow-sql.md §8.3, §9.1).
select is(pgflow.calculate_retry_delay(1, 2), 4, '(1, 2) waits 4 s');
select is(pgflow.calculate_retry_delay(2, 3), 16, '(2, 3) waits 16 s');
select is(pgflow.calculate_retry_delay(0.5, 1), 1, '(0.5, 1) waits 1 s');
select is(pgflow.calculate_retry_delay(3, 0), 3, '(3, 0) waits the base delay');
select is(pgflow.calculate_retry_delay(5, 1), 10, 'the first retry waits twice the base delay');
select is(pgflow.calculate_retry_delay(0.1, 4), 1, 'fractions are floored');
select is(pgflow.calculate_retry_delay(5, 28), 1342177280, 'large delays below the maximum are exact');
select is(pgflow.calculate_retry_delay(1, 30), 1073741824, '2^30 is exact');

select * from finish();
rollback;
