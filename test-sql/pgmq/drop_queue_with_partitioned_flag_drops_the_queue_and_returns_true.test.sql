-- The deprecated drop_queue(queue_name, partitioned) ignores the flag and returns true. For an
-- unknown queue the flavours differ: drop_queue_with_partitioned_flag_returns_true_for_an_unknown_queue
-- (compat) and drop_queue_of_an_unknown_queue_raises_undefined_table (extension).
begin;
select plan(2);

select pgmq.create('deprecated_drop');

select is(pgmq.drop_queue('deprecated_drop', false), true, 'the deprecated form returns true');
select hasnt_table('pgmq', 'q_deprecated_drop', 'and drops the queue');

select * from finish();
rollback;
