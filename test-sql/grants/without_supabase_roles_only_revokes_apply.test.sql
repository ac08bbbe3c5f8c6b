begin;
select plan(2);

-- On plain PostgreSQL (no anon/authenticated/service_role) the file creates no role, grants
-- nothing and does not fail. Skipped where the Supabase roles exist.
\ir ../../supabase/migrations/20261126000600_pgflow_grants.sql

select case
  when exists (select 1 from pg_roles where rolname in ('anon', 'authenticated', 'service_role'))
  then skip('the Supabase roles exist in this cluster', 2)
  else collect_tap(
    is(
      (select count(*)::int
         from pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
        where n.nspname = 'pgflow' and a.grantee <> n.nspowner),
      0,
      'schema pgflow grants nothing to any role but its owner'
    ),
    is(
      (select count(*)::int
         from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
        where p.oid in ('pgflow.start_flow_with_states(text, jsonb, uuid)'::regprocedure,
                        'pgflow.get_run_with_states(uuid)'::regprocedure)
          and a.grantee <> p.proowner),
      0,
      'the client functions are executable by their owner only'
    )
  )
end;

select finish();
rollback;
