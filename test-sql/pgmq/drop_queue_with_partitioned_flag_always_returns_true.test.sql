begin;
select plan(3);

select pgmq.create('deprecated_drop');

select is(pgmq.drop_queue('deprecated_drop', false), true, 'the deprecated form returns true');
select hasnt_table('pgmq', 'q_deprecated_drop', 'and drops the queue');
select is(pgmq.drop_queue('never_created', true), true, 'it returns true even for an unknown queue');

select * from finish();
rollback;
