-- pgmq flavour: compat
-- The deprecated drop_queue(queue_name, partitioned) returns true whatever drop_queue(queue_name)
-- returned, so also for an unknown queue (for which our layer's drop_queue gives a NOTICE and
-- false). Compat only: the pgmq 1.5.1 extension raises 42P01 there
-- (drop_queue_of_an_unknown_queue_raises_undefined_table).
begin;
select plan(1);

select is(pgmq.drop_queue('never_created', true), true, 'it returns true even for an unknown queue');

select * from finish();
rollback;
