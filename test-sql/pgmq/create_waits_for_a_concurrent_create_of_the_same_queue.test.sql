-- Workers starting together all create their queue. A second create of the same queue waits for the
-- first transaction, and the queue ends up registered once. What the waiting create does next
-- differs: create_succeeds_after_waiting_for_a_concurrent_create_of_the_same_queue (compat, as
-- pgmq 1.6+) and create_racing_a_concurrent_create_of_the_same_queue_fails_on_a_duplicate_key
-- (extension, pgmq 1.5.1).
begin;
select plan(2);

select pgflow_tests.peer_connect('first') as first_pid \gset
select pgflow_tests.peer_connect('second') as second_pid \gset
select pgflow_tests.peer_perform('first', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_race'$$);

select dblink_exec('first', 'begin');
select pgflow_tests.peer_perform('first', $$pgmq.create('h_race')$$);
select pgflow_tests.peer_send('second', $$select pgmq.create('h_race')$$);
select ok(pgflow_tests.waits_for(:second_pid, :first_pid), 'the second create waits for the first transaction');
select dblink_exec('first', 'commit');

-- The second create's outcome is flavour-specific (see above): collected, not checked here.
select pgflow_tests.peer_outcome('second');
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race'$$) as t(n int)), 1,
          'the queue is registered once');

select pgflow_tests.peer_perform('first', $$pgmq.drop_queue('h_race')$$);
select dblink_disconnect('first');
select dblink_disconnect('second');

select * from finish();
rollback;
