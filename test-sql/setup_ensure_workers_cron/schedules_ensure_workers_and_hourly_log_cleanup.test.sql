begin;
\ir ../_setup/install.generated.sql
select plan(6);

select pgflow.setup_ensure_workers_cron('* * * * *') as result \gset

select is(
  (select row(schedule, command)::text from cron.job where jobname = 'pgflow_ensure_workers'),
  row('* * * * *', 'select pgflow.ensure_workers()')::text,
  'pgflow_ensure_workers runs select pgflow.ensure_workers() on the given schedule'
);
select is(
  (select row(schedule, command)::text from cron.job where jobname = 'pgflow_cleanup_logs'),
  row('0 * * * *', 'select pgflow.cleanup_ensure_workers_logs()')::text,
  'pgflow_cleanup_logs runs select pgflow.cleanup_ensure_workers_logs() hourly'
);
select is(
  :'result',
  format(
    'Scheduled pgflow_ensure_workers (every %s, job_id=%s) and pgflow_cleanup_logs (hourly, job_id=%s)',
    '* * * * *',
    (select jobid from cron.job where jobname = 'pgflow_ensure_workers'),
    (select jobid from cron.job where jobname = 'pgflow_cleanup_logs')
  ),
  'it returns the confirmation text with both job ids'
);
select is(
  (select database::text from cron.job where jobname = 'pgflow_ensure_workers'),
  current_database()::text,
  'the job runs in this database'
);
select ok(
  (select prosecdef from pg_proc where oid = 'pgflow.setup_ensure_workers_cron(text)'::regprocedure),
  'setup_ensure_workers_cron is SECURITY DEFINER'
);
select is(
  (select proconfig from pg_proc where oid = 'pgflow.setup_ensure_workers_cron(text)'::regprocedure),
  array['search_path=pgflow, cron, pg_temp'],
  'its search_path is pgflow, cron, pg_temp'
);

select finish();
rollback;
