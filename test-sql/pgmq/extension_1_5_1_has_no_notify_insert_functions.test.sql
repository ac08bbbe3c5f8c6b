-- pgmq flavour: extension
-- The pgmq 1.5.1 extension has no insert notifications: no enable_notify_insert /
-- disable_notify_insert (pgmq 1.8), no trigger function, no throttle table. That is why pgflow's
-- notify workers call pgflow.enable_insert_notifications, which works on both flavours
-- (insert_notifications/). Extension only: our layer has the pgmq 1.8 API
-- (enable_notify_insert_adds_a_trigger_and_a_throttle_row and the other notify files). Pins pgmq 1.5.1.
begin;
select plan(3);

select is((select extversion from pg_extension where extname = 'pgmq'), '1.5.1', 'the pgmq 1.5.1 extension is installed');
select is_empty(
  $$select p.oid::regprocedure from pg_proc p
    where p.pronamespace = 'pgmq'::regnamespace
      and p.proname in ('enable_notify_insert', 'disable_notify_insert', 'notify_queue_listeners')$$,
  'no enable_notify_insert, disable_notify_insert or notify_queue_listeners');
select is(to_regclass('pgmq.notify_insert_throttle'), null, 'no pgmq.notify_insert_throttle');

select * from finish();
rollback;
