begin;
\ir ../_setup/install.generated.sql
select plan(3);

-- Hide pg_net (the fixtures shim or the extension's schema) for this transaction only.
alter schema net rename to net_hidden_by_test;
select throws_ok(
  $$ select pgflow.setup_ensure_workers_cron('* * * * *') $$,
  '42883',
  'pgflow.setup_ensure_workers_cron(): pg_net is not installed in database "' || current_database()
    || '" (function net.http_post does not exist)',
  'without pg_net it raises naming pg_net'
);
select is(
  (select count(*)::int from cron.job where jobname = 'pgflow_ensure_workers'),
  0,
  'nothing is scheduled'
);
alter schema net_hidden_by_test rename to net;

alter schema cron rename to cron_hidden_by_test;
select throws_ok(
  $$ select pgflow.setup_ensure_workers_cron('* * * * *') $$,
  '42883',
  'pgflow.setup_ensure_workers_cron(): pg_cron is not installed in database "' || current_database() || '"',
  'without pg_cron it raises naming pg_cron'
);

select finish();
rollback;
