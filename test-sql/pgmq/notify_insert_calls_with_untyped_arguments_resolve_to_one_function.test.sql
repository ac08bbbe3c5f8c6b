-- pgmq flavour: compat
-- Our layer's pgmq 1.8 notify API called the ways its callers do: one untyped argument (a stale
-- 1-argument enable_notify_insert left by pgmq 1.7 -> 1.8 upgrades made this "not unique"), and
-- named notation with untyped parameters (postgres.js). Compat only: pgmq 1.5.1 has no
-- enable_notify_insert / disable_notify_insert.
begin;
select plan(3);

select pgmq.create('untyped');

prepare enable_untyped as select pgmq.enable_notify_insert(queue_name => $1, throttle_interval_ms => $2);
prepare disable_untyped as select pgmq.disable_notify_insert(queue_name => $1);

select lives_ok($$select pgmq.enable_notify_insert('untyped')$$, 'enable_notify_insert with one argument');
select lives_ok($$execute enable_untyped('untyped', '0')$$, 'enable_notify_insert with named untyped arguments');
select lives_ok($$execute disable_untyped('untyped')$$, 'disable_notify_insert with a named untyped argument');

select * from finish();
rollback;
