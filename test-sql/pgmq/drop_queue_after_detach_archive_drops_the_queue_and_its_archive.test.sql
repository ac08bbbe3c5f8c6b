-- pgmq flavour: compat
-- Our layer's detach_archive is a no-op (pgmq 1.6+ and pgmq's plain SQL install do the same), so
-- drop_queue afterwards drops the queue and its archive as usual. Compat only: the pgmq 1.5.1
-- extension detaches the archive from the extension and then cannot drop the queue
-- (drop_queue_after_detach_archive_fails_on_the_extension).
begin;
select plan(3);

select pgmq.create('detached');
select pgmq.detach_archive('detached');

select is(pgmq.drop_queue('detached'), true, 'drop_queue after detach_archive returns true');
select ok(to_regclass('pgmq.q_detached') is null and to_regclass('pgmq.a_detached') is null, 'the queue and its archive are gone');
select is_empty($$select * from pgmq.list_queues() where queue_name = 'detached'$$, 'and its meta row');

select * from finish();
rollback;
