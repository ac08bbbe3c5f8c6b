-- pgmq flavour: compat
-- Notifications are delivered at commit, so this checks the throttle bookkeeping the trigger keeps.
-- Compat only: pgmq 1.5.1 has no enable_notify_insert and no pgmq.notify_insert_throttle.
begin;
select plan(4);

select pgmq.create('throttled');
select pgmq.enable_notify_insert('throttled', 200);

select pgmq.send('throttled', '{}');
create temporary table first_claim as select last_notified_at as at from pgmq.notify_insert_throttle;
select ok((select at > now() and at <= clock_timestamp() from first_claim),
          'the first insert claims the window at the wall clock');

select pgmq.send_batch('throttled', array['{}', '{}', '{}']::jsonb[]);
select is((select last_notified_at from pgmq.notify_insert_throttle), (select at from first_claim),
          'inserts inside the window do not claim again');

select pg_sleep(0.25);
select pgmq.send('throttled', '{}');
select ok((select last_notified_at > at + interval '0.2 seconds' from pgmq.notify_insert_throttle, first_claim),
          'the first insert after the window claims a new one');

select pgmq.disable_notify_insert('throttled');
select pgmq.send('throttled', '{}');
select is_empty($$select * from pgmq.notify_insert_throttle$$, 'disabled queues keep no bookkeeping');

select * from finish();
rollback;
