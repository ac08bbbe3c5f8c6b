begin;
select plan(2);
select pgflow_tests.reset_db();

select pgflow.ensure_flow_compiled('locked_flow', '{"steps": []}');

-- pg_advisory_xact_lock(1, hashtext(flow_slug)): two-key form, so objsubid = 2.
select ok(
  exists (
    select 1 from pg_locks as l
     where l.locktype = 'advisory' and l.pid = pg_backend_pid() and l.objsubid = 2
       and l.classid = 1 and l.objid::bigint = (hashtext('locked_flow')::bigint & 4294967295)
       and l.mode = 'ExclusiveLock' and l.granted
  ),
  'holds the transaction-level lock (1, hashtext(flow_slug)) until commit'
);
select lives_ok(
  $$ select pgflow.ensure_flow_compiled('locked_flow', '{"steps": []}') $$,
  'the lock is re-entrant within the transaction'
);

select * from finish();
rollback;
