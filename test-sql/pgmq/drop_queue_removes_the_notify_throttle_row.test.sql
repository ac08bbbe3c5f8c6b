-- pgmq flavour: compat
-- Our layer's throttle row goes with the queue (FK to pgmq.meta ON DELETE CASCADE). Compat only:
-- pgmq 1.5.1 has no enable_notify_insert and no pgmq.notify_insert_throttle.
begin;
select plan(2);

select pgmq.create('notify_dropped');
select pgmq.enable_notify_insert('notify_dropped');

select is(pgmq.drop_queue('notify_dropped'), true, 'the queue is dropped');
select is_empty($$select * from pgmq.notify_insert_throttle$$, 'its throttle row goes with it');

select * from finish();
rollback;
