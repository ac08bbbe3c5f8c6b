-- pgmq flavour: compat
-- Our layer checks for pg_partman first, like create_partitioned, whether or not the queue exists.
-- Compat only: the pgmq 1.5.1 extension does not check (it notices an unknown queue and fails on
-- a NULL identifier for a known one: convert_archive_partitioned_without_pg_partman_fails_on_a_null_identifier).
begin;
select plan(3);

select is(pgmq._extension_exists('pg_partman'), false, 'pg_partman is not installed here');
select throws_ok($$select pgmq.convert_archive_partitioned('some_queue')$$,
  'P0001', 'pg_partman is required for partitioned queues', 'convert_archive_partitioned needs pg_partman');
select pgmq.create('archive_to_convert');
select throws_ok($$select pgmq.convert_archive_partitioned('archive_to_convert')$$,
  'P0001', 'pg_partman is required for partitioned queues', 'also for a queue that exists');

select * from finish();
rollback;
