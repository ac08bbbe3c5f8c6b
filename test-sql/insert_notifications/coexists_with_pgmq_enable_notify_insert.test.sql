-- pgmq flavour: compat
-- A queue with pgmq's own insert notifications (pgmq >= 1.8's enable_notify_insert, which our
-- layer provides) and ours still gets one notification per transaction: both use the same channel
-- and empty payload, and PostgreSQL folds identical notifications of a transaction. Turning one
-- off leaves the other. (The pgmq 1.5.1 extension has no enable_notify_insert: compat only.)
begin;
select plan(2);

select pgflow_tests.peer_connect('producer');
select pgflow_tests.peer_connect('listener');
select pgflow_tests.peer_perform('producer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_both'$$);
select pgflow_tests.peer_perform('producer', $$pgmq.create('h_both')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.enable_notify_insert('h_both', 0), pgflow.enable_insert_notifications('h_both')$$);
select dblink_exec('listener', 'listen "pgmq.q_h_both.INSERT"');
select dblink_exec('listener', 'listen h_both_done');

select pgflow_tests.peer_perform('producer', $$pgmq.send('h_both', '{}'), pgmq.send('h_both', '{}')$$);
select dblink_exec('producer', 'notify h_both_done');
select results_eq(
  $$select channel from pgflow_tests.peer_notifications_until('listener', 'h_both_done')$$,
  $$values ('pgmq.q_h_both.INSERT'), ('h_both_done')$$,
  'two triggers, two inserts, one transaction: one notification');

select pgflow_tests.peer_perform('producer', $$pgmq.disable_notify_insert('h_both')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send('h_both', '{}')$$);
select dblink_exec('producer', 'notify h_both_done');
select results_eq(
  $$select channel from pgflow_tests.peer_notifications_until('listener', 'h_both_done')$$,
  $$values ('pgmq.q_h_both.INSERT'), ('h_both_done')$$,
  'pgmq.disable_notify_insert leaves pgflow''s trigger notifying');

select pgflow_tests.peer_perform('producer', $$pgmq.drop_queue('h_both')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
