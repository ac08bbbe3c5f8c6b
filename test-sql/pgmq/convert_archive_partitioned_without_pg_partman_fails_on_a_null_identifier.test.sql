-- pgmq flavour: extension
-- What the pgmq 1.5.1 extension does when convert_archive_partitioned runs without pg_partman (for
-- instance on a pgflow flow's archive, which only grows): it does not check for pg_partman. For a
-- queue that exists it renames the archive, then fails while formatting pg_partman's (NULL) schema
-- name, so the statement rolls back and the archive is left as it was; for an unknown queue it only
-- gives a NOTICE. Extension only: our layer raises 'pg_partman is required for partitioned queues'
-- (convert_archive_partitioned_requires_pg_partman). Pins pgmq 1.5.1: revisit for another version.
begin;
select plan(5);

select is((select extversion from pg_extension where extname = 'pgmq'), '1.5.1', 'the pgmq 1.5.1 extension is installed');
select is(pgmq._extension_exists('pg_partman'), false, 'pg_partman is not installed here');

select pgmq.create('archive_to_convert');
select pgmq.send('archive_to_convert', '{}');
select pgmq.archive('archive_to_convert', 1);
select throws_ok($$select pgmq.convert_archive_partitioned('archive_to_convert')$$,
  '22004', 'null values cannot be formatted as an SQL identifier', 'an existing archive: fails on a NULL identifier');
select results_eq(
  $$select c.relkind::text, (select array_agg(msg_id) from pgmq.a_archive_to_convert),
           to_regclass('pgmq.a_archive_to_convert_old') is null
      from pg_class c where c.oid = 'pgmq.a_archive_to_convert'::regclass$$,
  $$values ('r', array[1::bigint], true)$$,
  'and the archive stays a plain table with its rows, under its name');
select lives_ok($$select pgmq.convert_archive_partitioned('some_queue')$$, 'an unknown queue: only a NOTICE');

select * from finish();
rollback;
