begin;
\ir ../_setup/install.generated.sql
select plan(1);

-- Hide pg_cron's schema for this transaction only.
alter schema cron rename to cron_hidden_by_test;

select throws_ok(
  $$ select * from pgflow.cleanup_ensure_workers_logs() $$,
  '42883',
  'pgflow.cleanup_ensure_workers_logs(): pg_cron is not installed in database "' || current_database() || '"',
  'without pg_cron it raises naming pg_cron'
);

select finish();
rollback;
