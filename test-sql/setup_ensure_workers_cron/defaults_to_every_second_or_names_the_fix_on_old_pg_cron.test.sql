begin;
\ir ../_setup/install.generated.sql
select plan(1);

-- pg_cron accepts '1 second' from 1.5 on. Older versions get an error that names the fix.
select case
  when (select string_to_array(split_part(extversion, '-', 1), '.')::int[] >= array[1, 5]
          from pg_extension where extname = 'pg_cron')
  then is(
    (select pgflow.setup_ensure_workers_cron() is not null
        and (select schedule from cron.job where jobname = 'pgflow_ensure_workers') = '1 second'),
    true,
    'the default schedule is 1 second'
  )
  else throws_ok(
    $$ select pgflow.setup_ensure_workers_cron() $$,
    '22023',
    format(
      'pgflow.setup_ensure_workers_cron(): pg_cron %s rejected the schedule ''1 second'': '
      'second-based schedules need pg_cron 1.5 or later',
      (select extversion from pg_extension where extname = 'pg_cron')
    ),
    'pg_cron before 1.5 rejects the default 1 second with an error naming the fix'
  )
end;

select finish();
rollback;
