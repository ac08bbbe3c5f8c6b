-- pgmq flavour: compat
-- Compat only: pgmq 1.5.1 has no enable_notify_insert.
begin;
select plan(3);

select pgmq.create('notify_errors');

select throws_ok($$select pgmq.enable_notify_insert('notify_errors', -1)$$,
  'P0001', 'throttle_interval_ms must be non-negative', 'a negative throttle is rejected');
select throws_ok($$select pgmq.enable_notify_insert('not_there')$$,
  'P0001', 'Queue "not_there" does not exist. Create it first using pgmq.create()', 'an unknown queue is rejected');
select throws_ok($$select pgmq.enable_notify_insert('no$pe')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'invalid characters are rejected');

select * from finish();
rollback;
