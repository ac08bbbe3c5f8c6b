begin;
\ir ../_setup/install.generated.sql
select plan(6);

select pgflow.setup_requeue_stalled_tasks_cron('*/2 * * * *') as result \gset

select is(
  (select row(schedule, command)::text from cron.job where jobname = 'pgflow_requeue_stalled_tasks'),
  row('*/2 * * * *', 'select pgflow.requeue_stalled_tasks()')::text,
  'pgflow_requeue_stalled_tasks runs select pgflow.requeue_stalled_tasks() on the given schedule'
);
select is(
  :'result',
  format('Scheduled pgflow_requeue_stalled_tasks (every %s, job_id=%s)', '*/2 * * * *',
         (select jobid from cron.job where jobname = 'pgflow_requeue_stalled_tasks')),
  'it returns the confirmation text with the job id'
);

select pgflow.setup_requeue_stalled_tasks_cron('*/3 * * * *');
select is(
  (select array_agg(schedule) from cron.job where jobname = 'pgflow_requeue_stalled_tasks'),
  array['*/3 * * * *'],
  'calling it again replaces the job'
);

select case
  when (select string_to_array(split_part(extversion, '-', 1), '.')::int[] >= array[1, 5]
          from pg_extension where extname = 'pg_cron')
  then is(
    (select pgflow.setup_requeue_stalled_tasks_cron() is not null
        and (select schedule from cron.job where jobname = 'pgflow_requeue_stalled_tasks') = '15 seconds'),
    true,
    'the default schedule is 15 seconds'
  )
  else throws_ok(
    $$ select pgflow.setup_requeue_stalled_tasks_cron() $$,
    '22023',
    format(
      'pgflow.setup_requeue_stalled_tasks_cron(): pg_cron %s rejected the schedule ''15 seconds'': '
      'second-based schedules need pg_cron 1.5 or later',
      (select extversion from pg_extension where extname = 'pg_cron')
    ),
    'pg_cron before 1.5 rejects the default 15 seconds with an error naming the fix'
  )
end;

select throws_ok(
  $$ select pgflow.setup_requeue_stalled_tasks_cron('every now and then') $$,
  '22023',
  'invalid schedule: every now and then',
  'other invalid schedules keep pg_cron''s own error'
);

alter schema cron rename to cron_hidden_by_test;
select throws_ok(
  $$ select pgflow.setup_requeue_stalled_tasks_cron('* * * * *') $$,
  '42883',
  'pgflow.setup_requeue_stalled_tasks_cron(): pg_cron is not installed in database "' || current_database() || '"',
  'without pg_cron it raises naming pg_cron'
);

select finish();
rollback;
