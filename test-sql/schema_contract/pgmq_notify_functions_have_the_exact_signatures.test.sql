-- pgmq flavour: compat
-- pgmq.md §2.9 and "Do not add overloads/defaults that make calls ambiguous" (item 3): the notify
-- pair is optional, but our layer has it, so each function has the exact pgmq 1.8 parameter names,
-- types, defaults and return type, and there is exactly one enable_notify_insert. Compat only:
-- pgmq 1.5.1 has no enable_notify_insert / disable_notify_insert.
begin;
select plan(4);

select is(
  format('(%s) -> %s', pg_get_function_arguments(to_regprocedure('pgmq.enable_notify_insert(text,integer)')),
         pg_get_function_result(to_regprocedure('pgmq.enable_notify_insert(text,integer)'))),
  '(queue_name text, throttle_interval_ms integer DEFAULT 250) -> void',
  'pgmq.enable_notify_insert(text,integer): exact parameter names, types, defaults and return type'
);
select is(
  format('(%s) -> %s', pg_get_function_arguments(to_regprocedure('pgmq.disable_notify_insert(text)')),
         pg_get_function_result(to_regprocedure('pgmq.disable_notify_insert(text)'))),
  '(queue_name text) -> void',
  'pgmq.disable_notify_insert(text): exact parameter names, types, defaults and return type'
);

select results_eq(
  $$select p.proname::text collate "default", array_agg(pg_get_function_identity_arguments(p.oid) order by pg_get_function_identity_arguments(p.oid))
      from pg_proc p
     where p.pronamespace = 'pgmq'::regnamespace and p.proname in ('enable_notify_insert', 'disable_notify_insert')
     group by p.proname
     order by 1$$,
  $$values
    ('disable_notify_insert', array['queue_name text']),
    ('enable_notify_insert',  array['queue_name text, throttle_interval_ms integer'])$$,
  'each has exactly one overload'
);

select is(
  (select count(*)::int from pg_proc p where p.pronamespace = 'pgmq'::regnamespace and p.proname = 'enable_notify_insert'),
  1,
  'there is exactly one pgmq.enable_notify_insert'
);

select * from finish();
rollback;
