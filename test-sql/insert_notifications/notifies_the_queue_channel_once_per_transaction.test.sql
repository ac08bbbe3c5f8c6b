-- Inserts into a queue with pgflow_notify_insert notify "pgmq.q_<name as created>.INSERT" with an
-- empty payload, once per committing transaction, on either pgmq flavour. Notifications arrive at
-- commit, so a producer and a listener session run through dblink (_setup/fixtures.sql, Part 3).
begin;
select plan(1);

select pgflow_tests.peer_connect('producer');
select pgflow_tests.peer_connect('listener');
select pgflow_tests.peer_perform('producer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues()
                                              where queue_name in ('h_ins_lower', 'H_Ins_Mixed')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.create('h_ins_lower'), pgmq.create('H_Ins_Mixed')$$);
select pgflow_tests.peer_perform('producer', $$pgflow.enable_insert_notifications('h_ins_lower'),
                                              pgflow.enable_insert_notifications('H_Ins_Mixed')$$);
select dblink_exec('listener', 'listen "pgmq.q_h_ins_lower.INSERT"');
select dblink_exec('listener', 'listen "pgmq.q_H_Ins_Mixed.INSERT"');
select dblink_exec('listener', 'listen h_ins_done');

select pgflow_tests.peer_perform('producer', $$pgmq.send('h_ins_lower', '{}')$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send_batch('H_Ins_Mixed', array['{}', '{}', '{}']::jsonb[])$$);
select pgflow_tests.peer_perform('producer', $$pgmq.send('h_ins_lower', '{}'), pgmq.send('h_ins_lower', '{}')$$);
select dblink_exec('producer', 'begin');
select pgflow_tests.peer_perform('producer', $$pgmq.send('h_ins_lower', '{}')$$);
select dblink_exec('producer', 'rollback');
select dblink_exec('producer', 'notify h_ins_done');

select results_eq(
  $$select channel, payload from pgflow_tests.peer_notifications_until('listener', 'h_ins_done')$$,
  $$values ('pgmq.q_h_ins_lower.INSERT', ''), ('pgmq.q_H_Ins_Mixed.INSERT', ''),
           ('pgmq.q_h_ins_lower.INSERT', ''), ('h_ins_done', '')$$,
  'one notification per committed transaction (a batch or two sends in one: one), none for a rollback, channel named as created');

select pgflow_tests.peer_perform('producer', $$pgmq.drop_queue('h_ins_lower'), pgmq.drop_queue('H_Ins_Mixed')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
