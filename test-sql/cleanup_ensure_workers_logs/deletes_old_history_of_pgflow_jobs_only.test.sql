begin;
\ir ../_setup/install.generated.sql
select plan(3);

-- Defect 20: upstream deleted the history of every cron job.
delete from cron.job_run_details;
select pgflow.setup_ensure_workers_cron('* * * * *');
select cron.schedule('h_wrk_user_job', '0 0 * * *', 'select 1');
select cron.schedule('h_wrk_user_job_2', '0 1 * * *', 'select pgflow.requeue_stalled_tasks()');

insert into cron.job_run_details (jobid, runid, command, status, start_time, end_time) values
  ((select jobid from cron.job where jobname = 'pgflow_ensure_workers'), -1,
   'select pgflow.ensure_workers()', 'succeeded', now() - interval '25 hours', now() - interval '25 hours'),
  ((select jobid from cron.job where jobname = 'pgflow_cleanup_logs'), -2,
   'select pgflow.cleanup_ensure_workers_logs()', 'succeeded', now() - interval '48 hours', now() - interval '48 hours'),
  ((select jobid from cron.job where jobname = 'pgflow_ensure_workers'), -3,
   'select pgflow.ensure_workers()', 'succeeded', now() - interval '1 hour', now() - interval '1 hour'),
  ((select jobid from cron.job where jobname = 'h_wrk_user_job'), -4,
   'select 1', 'succeeded', now() - interval '25 hours', now() - interval '25 hours'),
  ((select jobid from cron.job where jobname = 'h_wrk_user_job_2'), -5,
   'select pgflow.requeue_stalled_tasks()', 'succeeded', now() - interval '25 hours', now() - interval '25 hours'),
  -- A pgflow job replaced since (its id is no longer in cron.job), and someone else's.
  (-100, -6, 'select pgflow.requeue_stalled_tasks()', 'succeeded',
   now() - interval '25 hours', now() - interval '25 hours'),
  (-101, -7, 'select 2', 'succeeded', now() - interval '25 hours', now() - interval '25 hours');

select is(
  (select cron_deleted from pgflow.cleanup_ensure_workers_logs()),
  3::bigint,
  'it deletes and counts the old history of pgflow jobs only'
);
select is(
  (select array_agg(runid order by runid desc) from cron.job_run_details),
  array[-3, -4, -5, -7]::bigint[],
  'recent pgflow history, user jobs (even those calling pgflow) and unknown orphans are kept'
);
select ok(
  (select prosecdef and proconfig = array['search_path=pgflow, cron, pg_temp']
     from pg_proc where oid = 'pgflow.cleanup_ensure_workers_logs(integer)'::regprocedure),
  'cleanup_ensure_workers_logs is SECURITY DEFINER with search_path pgflow, cron, pg_temp'
);

select finish();
rollback;
