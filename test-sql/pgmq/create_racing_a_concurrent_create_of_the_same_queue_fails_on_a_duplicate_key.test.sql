-- pgmq flavour: extension
-- The pgmq 1.5.1 extension takes no lock in create: a second create of the same queue waits for the
-- first transaction (on the catalog row of the queue table's type) and then fails with 23505
-- instead of finding the tables. pgflow.create_flow takes its flow's advisory lock before it
-- creates the queue, so workers compiling the same flow together are not affected. (A bare
-- `pgmq.create(q) where not exists (select from pgmq.list_queues() ...)` from two sessions is.)
-- Extension only: our layer locks, like pgmq 1.6+
-- (create_succeeds_after_waiting_for_a_concurrent_create_of_the_same_queue). Pins pgmq 1.5.1.
begin;
select plan(7);

select is((select extversion from pg_extension where extname = 'pgmq'), '1.5.1', 'the pgmq 1.5.1 extension is installed');

select pgflow_tests.peer_connect('first') as first_pid \gset
select pgflow_tests.peer_connect('second') as second_pid \gset
select pgflow_tests.peer_perform('first', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_race'$$);
select pgflow_tests.peer_perform('first', $$pgflow.delete_flow_and_data('h_race_flow')$$);

-- Two bare pgmq.create calls.
select dblink_exec('first', 'begin');
select pgflow_tests.peer_perform('first', $$pgmq.create('h_race')$$);
select pgflow_tests.peer_send('second', $$select pgmq.create('h_race')$$);
select ok(pgflow_tests.waits_for(:second_pid, :first_pid), 'the second create waits for the first transaction');
select dblink_exec('first', 'commit');
select matches(pgflow_tests.peer_outcome('second'),
               '^23505 duplicate key value violates unique constraint ',
               'then it fails with a duplicate key (23505)');
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race'$$) as t(n int)), 1,
          'the queue the first created is registered once');

-- Two pgflow.create_flow calls for the same flow.
select dblink_exec('first', 'begin');
select pgflow_tests.peer_perform('first', $$pgflow.create_flow('h_race_flow')$$);
select pgflow_tests.peer_send('second', $$select pgflow.create_flow('h_race_flow')$$);
select ok(pgflow_tests.waits_for(:second_pid, :first_pid), 'a second create_flow of the same flow waits for the first transaction');
select dblink_exec('first', 'commit');
select is(pgflow_tests.peer_outcome('second'), 'done', 'then it succeeds');
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race_flow'$$) as t(n int)), 1,
          'and the flow''s queue is registered once');

select pgflow_tests.peer_perform('first', $$pgmq.drop_queue('h_race')$$);
select pgflow_tests.peer_perform('first', $$pgflow.delete_flow_and_data('h_race_flow')$$);
select dblink_disconnect('first');
select dblink_disconnect('second');

select * from finish();
rollback;
