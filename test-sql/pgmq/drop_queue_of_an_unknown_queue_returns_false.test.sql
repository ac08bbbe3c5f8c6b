-- pgmq 1.6+ semantics (released 1.5.1 raised 42P01 as an extension and returned true as plain SQL).
begin;
select plan(2);

select is(pgmq.drop_queue('does_not_exist'), false, 'drop_queue of an unknown queue returns false');
select is(pgmq.drop_queue('Does-Not-Exist'), false, 'also for a name that needs quoting');

select * from finish();
rollback;
