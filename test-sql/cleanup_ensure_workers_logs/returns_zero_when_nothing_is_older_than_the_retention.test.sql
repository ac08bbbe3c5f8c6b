begin;
\ir ../_setup/install.generated.sql
select plan(3);

delete from cron.job_run_details;
select pgflow.setup_ensure_workers_cron('* * * * *');

insert into cron.job_run_details (jobid, runid, command, status, start_time, end_time) values
  ((select jobid from cron.job where jobname = 'pgflow_ensure_workers'), -1,
   'select pgflow.ensure_workers()', 'succeeded', now() - interval '5 hours', now() - interval '5 hours'),
  ((select jobid from cron.job where jobname = 'pgflow_ensure_workers'), -2,
   'select pgflow.ensure_workers()', 'running', now() - interval '30 hours', null);

select is(
  (select cron_deleted from pgflow.cleanup_ensure_workers_logs()),
  0::bigint,
  'nothing older than 24 hours (a run without end_time is never old): 0'
);
select is(
  (select cron_deleted from pgflow.cleanup_ensure_workers_logs(retention_hours => 4)),
  1::bigint,
  'retention_hours sets the cut-off'
);
select is(
  (select count(*)::int from cron.job_run_details),
  1,
  'only the unfinished run is left'
);

select finish();
rollback;
