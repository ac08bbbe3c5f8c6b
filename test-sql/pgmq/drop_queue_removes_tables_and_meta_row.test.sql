begin;
select plan(5);

select pgmq.create('exists');
select pgmq.send('exists', '{}');
select pgmq.archive('exists', 1);

select is(pgmq.drop_queue('exists'), true, 'drop_queue returns true');
select hasnt_table('pgmq', 'q_exists', 'the queue table is gone');
select hasnt_table('pgmq', 'a_exists', 'the archive table is gone');
select is_empty($$select * from pgmq.list_queues()$$, 'the meta row is gone');
select lives_ok($$select pgmq.create('exists')$$, 'the queue can be created again');

select * from finish();
rollback;
