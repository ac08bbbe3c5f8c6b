-- Runs where pg_partman is not installed (our layer never drives it). convert_archive_partitioned
-- differs between the flavours: convert_archive_partitioned_requires_pg_partman (compat) and
-- convert_archive_partitioned_without_pg_partman_fails_on_a_null_identifier (extension).
begin;
select plan(2);

select is(pgmq._extension_exists('pg_partman'), false, 'pg_partman is not installed here');
select throws_ok($$select pgmq.create_partitioned('partitioned_queue')$$,
  'P0001', 'pg_partman is required for partitioned queues', 'create_partitioned needs pg_partman');

select * from finish();
rollback;
