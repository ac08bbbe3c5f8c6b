-- pgmq flavour: compat
-- pgmq 1.6+ semantics, our layer's choice. Compat only: the pgmq 1.5.1 extension raises 42P01
-- instead (drop_queue_of_an_unknown_queue_raises_undefined_table); as plain SQL 1.5.1 returned true.
begin;
select plan(2);

select is(pgmq.drop_queue('does_not_exist'), false, 'drop_queue of an unknown queue returns false');
select is(pgmq.drop_queue('Does-Not-Exist'), false, 'also for a name that needs quoting');

select * from finish();
rollback;
