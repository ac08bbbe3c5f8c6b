-- Runs where pg_partman is not installed (our layer never drives it).
begin;
select plan(3);

select is(pgmq._extension_exists('pg_partman'), false, 'pg_partman is not installed here');
select throws_ok($$select pgmq.create_partitioned('partitioned_queue')$$,
  'P0001', 'pg_partman is required for partitioned queues', 'create_partitioned needs pg_partman');
select throws_ok($$select pgmq.convert_archive_partitioned('some_queue')$$,
  'P0001', 'pg_partman is required for partitioned queues', 'convert_archive_partitioned needs pg_partman');

select * from finish();
rollback;
