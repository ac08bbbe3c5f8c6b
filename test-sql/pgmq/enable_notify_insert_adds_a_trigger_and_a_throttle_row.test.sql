-- pgmq flavour: compat
-- pgmq 1.8's enable_notify_insert, which our layer provides. Compat only: pgmq 1.5.1 has no
-- enable_notify_insert (pgflow.enable_insert_notifications works on both).
begin;
select plan(7);

select pgmq.create('Notify-Me');
select pgmq.enable_notify_insert('Notify-Me');

select results_eq(
  $$select tgname::text collate "default", tgconstraint <> 0, tgdeferrable from pg_trigger
    where tgrelid = 'pgmq."q_notify-me"'::regclass and not tgisinternal$$,
  $$values ('trigger_notify_queue_insert_listeners', true, true)$$,
  'one deferrable constraint trigger on the queue table');
select ok((select pg_get_triggerdef(oid) like '%AFTER INSERT ON pgmq."q_notify-me"%FOR EACH ROW EXECUTE FUNCTION pgmq.notify_queue_listeners(%'
           from pg_trigger where tgrelid = 'pgmq."q_notify-me"'::regclass and not tgisinternal),
          'it fires after each inserted row');
select results_eq($$select queue_name::text, throttle_interval_ms, last_notified_at from pgmq.notify_insert_throttle$$,
                  $$values ('Notify-Me', 250, to_timestamp(0))$$, 'the throttle row has the default 250 ms and epoch');

select pgmq.send('Notify-Me', '{}');
select pgmq.enable_notify_insert('Notify-Me', 1000);
select results_eq($$select throttle_interval_ms, last_notified_at from pgmq.notify_insert_throttle$$,
                  $$values (1000, to_timestamp(0))$$, 're-enabling sets the new interval and resets the window');
select is((select count(*)::int from pg_trigger where tgrelid = 'pgmq."q_notify-me"'::regclass and not tgisinternal), 1,
          'still one trigger');
select is((select relpersistence::text from pg_class where oid = 'pgmq.notify_insert_throttle'::regclass), 'u',
          'the throttle table is unlogged');
select is((select count(*)::int from pg_proc where oid::regproc::text = 'pgmq.enable_notify_insert'), 1,
          'there is exactly one enable_notify_insert');

select * from finish();
rollback;
