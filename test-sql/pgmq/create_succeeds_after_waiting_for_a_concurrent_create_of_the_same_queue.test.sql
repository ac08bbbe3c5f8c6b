-- pgmq flavour: compat
-- Workers starting together all create their queue. Like pgmq 1.6+, our layer's create takes an
-- advisory lock per queue table: the second create waits for the first and then finds the tables,
-- instead of failing on a duplicate catalog row. Compat only: the pgmq 1.5.1 extension has no such
-- lock (create_racing_a_concurrent_create_of_the_same_queue_fails_on_a_duplicate_key).
begin;
select plan(3);

select pgflow_tests.peer_connect('first') as first_pid \gset
select pgflow_tests.peer_connect('second') as second_pid \gset
select pgflow_tests.peer_perform('first', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_race'$$);

select dblink_exec('first', 'begin');
select pgflow_tests.peer_perform('first', $$pgmq.create('h_race')$$);
select pgflow_tests.peer_send('second', $$select pgmq.create('h_race')$$);
select ok(pgflow_tests.waits_for(:second_pid, :first_pid), 'the second create waits for the first transaction');
select dblink_exec('first', 'commit');

select is(pgflow_tests.peer_outcome('second'), 'done', 'then it succeeds');
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race'$$) as t(n int)), 1,
          'and the queue is registered once');

select pgflow_tests.peer_perform('first', $$pgmq.drop_queue('h_race')$$);
select dblink_disconnect('first');
select dblink_disconnect('second');

select * from finish();
rollback;
