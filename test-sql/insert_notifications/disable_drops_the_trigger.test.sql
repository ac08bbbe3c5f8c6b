-- pgflow.disable_insert_notifications drops the trigger; it does nothing without one or without
-- the queue.
begin;
select plan(3);

select pgmq.create('h_ins_notify_off');
select pgflow.enable_insert_notifications('h_ins_notify_off');
select pgflow.disable_insert_notifications('h_ins_notify_off');
select is(
  (select count(*)::int from pg_trigger where tgrelid = 'pgmq.q_h_ins_notify_off'::regclass and tgname = 'pgflow_notify_insert'),
  0, 'the trigger is gone');
select lives_ok($$select pgflow.disable_insert_notifications('h_ins_notify_off')$$, 'disabling again does nothing');
select lives_ok($$select pgflow.disable_insert_notifications('h_no_such_queue')$$, 'an unknown queue does nothing');

select * from finish();
rollback;
