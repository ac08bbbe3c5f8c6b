-- pgflow.enable_insert_notifications works on either pgmq flavour: it adds one statement-level
-- AFTER INSERT trigger to the queue table, and a second call keeps it (no lock, no new trigger).
begin;
select plan(5);

select pgmq.create('h_ins_notify');
select pgflow.enable_insert_notifications('h_ins_notify');

select is(
  (select count(*)::int from pg_trigger where tgrelid = 'pgmq.q_h_ins_notify'::regclass and tgname = 'pgflow_notify_insert'),
  1, 'the queue table has the trigger pgflow_notify_insert');
select ok(
  (select tgtype & 1 = 0 and tgtype & 4 = 4 and tgtype & 2 = 0
     from pg_trigger where tgrelid = 'pgmq.q_h_ins_notify'::regclass and tgname = 'pgflow_notify_insert'),
  'it fires AFTER INSERT, once per statement');
select is(
  (select tgfoid::regproc::text from pg_trigger where tgrelid = 'pgmq.q_h_ins_notify'::regclass and tgname = 'pgflow_notify_insert'),
  'pgflow._notify_queue_insert', 'it runs pgflow._notify_queue_insert');

select oid as first_oid from pg_trigger where tgrelid = 'pgmq.q_h_ins_notify'::regclass and tgname = 'pgflow_notify_insert' \gset
select lives_ok($$select pgflow.enable_insert_notifications('h_ins_notify')$$, 'enabling again succeeds');
select is(
  (select oid from pg_trigger where tgrelid = 'pgmq.q_h_ins_notify'::regclass and tgname = 'pgflow_notify_insert'),
  :'first_oid'::oid, 'and keeps the same trigger');

select * from finish();
rollback;
