begin;
select plan(2);

-- pgTAP cannot capture a NOTICE, so this checks the raised text in the function body.
select ok(
  (select prosrc from pg_proc where oid = 'pgflow.poll_for_tasks(text, integer, integer, integer, integer)'::regprocedure)
    like '%raise notice ''DEPRECATED: poll_for_tasks is deprecated and will be removed. Please update pgflow via "npx pgflow install".''%',
  'poll_for_tasks raises the exact deprecation NOTICE'
);
select is(
  pg_get_function_arguments('pgflow.poll_for_tasks(text, integer, integer, integer, integer)'::regprocedure),
  'queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5, poll_interval_ms integer DEFAULT 100',
  'parameter names and defaults match pgflow'
);

select finish();
rollback;
