-- pgmq flavour: compat
-- pgmq 1.8's disable_notify_insert, which our layer provides. Compat only: pgmq 1.5.1 has no
-- enable_notify_insert / disable_notify_insert (pgflow.disable_insert_notifications works on both).
begin;
select plan(4);

select pgmq.create('notify_off');
select pgmq.enable_notify_insert('notify_off', 0);
select pgmq.disable_notify_insert('notify_off');

select is_empty($$select * from pg_trigger where tgrelid = 'pgmq.q_notify_off'::regclass and not tgisinternal$$, 'no trigger');
select is_empty($$select * from pgmq.notify_insert_throttle$$, 'no throttle row');
select lives_ok($$select pgmq.disable_notify_insert('notify_off')$$, 'disabling twice is fine');
select lives_ok($$select pgmq.disable_notify_insert('never_created')$$, 'an unknown queue only gives a notice');

select * from finish();
rollback;
