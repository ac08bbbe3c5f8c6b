begin;
\ir ../_setup/install.generated.sql
select plan(3);

select pgflow.setup_ensure_workers_cron('* * * * *');
select pgflow.setup_ensure_workers_cron('*/5 * * * *');

select is(
  (select count(*)::int from cron.job where jobname = 'pgflow_ensure_workers'),
  1,
  'one pgflow_ensure_workers job remains'
);
select is(
  (select count(*)::int from cron.job where jobname = 'pgflow_cleanup_logs'),
  1,
  'one pgflow_cleanup_logs job remains'
);
select is(
  (select schedule from cron.job where jobname = 'pgflow_ensure_workers'),
  '*/5 * * * *',
  'the new schedule replaces the old one'
);

select finish();
rollback;
