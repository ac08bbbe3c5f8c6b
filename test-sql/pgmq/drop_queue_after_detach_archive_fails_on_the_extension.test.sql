-- pgmq flavour: extension
-- The pgmq 1.5.1 extension's detach_archive removes the archive table from the extension (so that
-- DROP EXTENSION keeps it); its drop_queue then fails with 55000 on `ALTER EXTENSION pgmq DROP
-- TABLE`, and so does pgflow.delete_flow_and_data for a flow whose archive was detached. Adding
-- the archive back to the extension makes the queue droppable again. Extension only: our layer's
-- detach_archive is a no-op, like pgmq 1.6+
-- (drop_queue_after_detach_archive_drops_the_queue_and_its_archive). Pins pgmq 1.5.1.
begin;
select plan(5);

select is((select extversion from pg_extension where extname = 'pgmq'), '1.5.1', 'the pgmq 1.5.1 extension is installed');

select pgmq.create('detached');
select pgmq.detach_archive('detached');
select throws_ok($$select pgmq.drop_queue('detached')$$,
  '55000', 'table pgmq.a_detached is not a member of extension "pgmq"', 'drop_queue after detach_archive fails');

select pgflow.create_flow('h_detached_flow');
select pgmq.detach_archive('h_detached_flow');
select throws_ok($$select pgflow.delete_flow_and_data('h_detached_flow')$$,
  '55000', 'table pgmq.a_h_detached_flow is not a member of extension "pgmq"',
  'so does pgflow.delete_flow_and_data for a flow whose archive was detached');

alter extension pgmq add table pgmq.a_detached;
select is(pgmq.drop_queue('detached'), true, 'with the archive added back to the extension, drop_queue works');
select ok(to_regclass('pgmq.q_detached') is null and to_regclass('pgmq.a_detached') is null, 'and drops both tables');

select * from finish();
rollback;
