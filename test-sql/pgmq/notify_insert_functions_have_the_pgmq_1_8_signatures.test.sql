-- pgmq flavour: compat
-- Our layer adds pgmq 1.8's notify pair next to the pgmq 1.5.1 API; names, parameter names, types,
-- defaults and return types are API (callers use named notation). Compat only: pgmq 1.5.1 has no
-- enable_notify_insert / disable_notify_insert.
begin;
select plan(1);

select set_eq(
  $$select p.proname || '(' || pg_get_function_arguments(p.oid) || ') returns ' || pg_get_function_result(p.oid)
    from pg_proc p where p.pronamespace = 'pgmq'::regnamespace and p.proname in ('enable_notify_insert', 'disable_notify_insert')$$,
  $$values
    ('enable_notify_insert(queue_name text, throttle_interval_ms integer DEFAULT 250) returns void'),
    ('disable_notify_insert(queue_name text) returns void')$$,
  'the 1.8 notify pair exists with its exact signatures, one function each');

select * from finish();
rollback;
