begin;
select plan(3);

savepoint before_create;
select pgmq.create('transaction_test_queue');
rollback to savepoint before_create;

select hasnt_table('pgmq', 'q_transaction_test_queue', 'no queue table');
select hasnt_table('pgmq', 'a_transaction_test_queue', 'no archive table');
select is_empty($$select * from pgmq.list_queues() where queue_name = 'transaction_test_queue'$$, 'no meta row');

select * from finish();
rollback;
