-- pgmq flavour: compat
-- Our layer's pgmq 1.8 notify trigger notifies "pgmq.q_<name as created>.INSERT" (pgmq 1.13.1's
-- naming) with an empty payload. Compat only: pgmq 1.5.1 has no enable_notify_insert (pgflow's own
-- trigger, insert_notifications/, sends the same notifications on both flavours).
-- Notifications are delivered at commit, so a producer and a listener session run through dblink
-- (_setup/fixtures.sql, Part 3).
begin;
select plan(3);

select pgflow_tests.peer_connect('producer');
select pgflow_tests.peer_connect('listener');
select pgflow_tests.peer_perform('producer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues()
                                          where queue_name in ('h_notify_lower', 'H_Notify_Mixed')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.create('h_notify_lower'), pgmq.create('H_Notify_Mixed')$$);
select pgflow_tests.peer_perform('producer',
  $$pgmq.enable_notify_insert('h_notify_lower', 0), pgmq.enable_notify_insert('H_Notify_Mixed', 0)$$);
select dblink_exec('listener', 'listen "pgmq.q_h_notify_lower.INSERT"');
select dblink_exec('listener', 'listen "pgmq.q_H_Notify_Mixed.INSERT"');
select dblink_exec('listener', 'listen h_notify_done');

select pgflow_tests.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send_batch('H_Notify_Mixed', array['{}', '{}']::jsonb[])$$);
select dblink_exec('producer', 'notify h_notify_done');
select results_eq($$select channel, payload from pgflow_tests.peer_notifications_until('listener', 'h_notify_done')$$,
                  $$values ('pgmq.q_h_notify_lower.INSERT', ''), ('pgmq.q_H_Notify_Mixed.INSERT', ''), ('h_notify_done', '')$$,
                  'one notification per committing transaction, on pgmq.q_<name as created>.INSERT, with an empty payload');

select pgflow_tests.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select dblink_exec('producer', 'notify h_notify_done');
select is((select count(*)::int from pgflow_tests.peer_notifications_until('listener', 'h_notify_done') where channel = 'pgmq.q_h_notify_lower.INSERT'), 2,
          'throttle 0 announces every transaction');

select pgflow_tests.peer_perform('producer', $$pgmq.enable_notify_insert('h_notify_lower', 60000)$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select dblink_exec('producer', 'notify h_notify_done');
select is((select count(*)::int from pgflow_tests.peer_notifications_until('listener', 'h_notify_done') where channel = 'pgmq.q_h_notify_lower.INSERT'), 1,
          'a throttle announces once per window');

select pgflow_tests.peer_perform('producer', $$pgmq.drop_queue('h_notify_lower'), pgmq.drop_queue('H_Notify_Mixed')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
