begin;
\ir ../_setup/install.generated.sql
select plan(4);

-- The migrations ran inside this transaction, in a database with pg_cron.
select is(
  (select row(schedule, command)::text from cron.job where jobname = 'pgflow_requeue_stalled_tasks'),
  row(
    case
      when (select string_to_array(split_part(extversion, '-', 1), '.')::int[] >= array[1, 5]
              from pg_extension where extname = 'pg_cron')
      then '15 seconds'
      else '* * * * *' -- pg_cron before 1.5 has no second-based schedules
    end,
    'select pgflow.requeue_stalled_tasks()'
  )::text,
  'the install schedules pgflow_requeue_stalled_tasks'
);
select is(
  (select count(*)::int from cron.job where jobname in ('pgflow_ensure_workers', 'pgflow_cleanup_logs')),
  case when exists (select 1 from pg_extension where extname = 'pg_net') then 2 else 0 end,
  'the keep-alive jobs are scheduled at install only when pg_net exists'
);

-- Applying the migration again keeps a job the user rescheduled.
select pgflow.setup_requeue_stalled_tasks_cron('*/5 * * * *');
set local client_min_messages = warning;
\o /dev/null
\ir ../../supabase/migrations/20261126000500_pgflow_workers.sql
\o
reset client_min_messages;

select is(
  (select array_agg(schedule) from cron.job where jobname = 'pgflow_requeue_stalled_tasks'),
  array['*/5 * * * *'],
  'a second install keeps the existing job and its schedule'
);
select is(
  (select count(*)::int from cron.job where jobname = 'pgflow_requeue_stalled_tasks'),
  1,
  'no duplicate job'
);

select finish();
rollback;
