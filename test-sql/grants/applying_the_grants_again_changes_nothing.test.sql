begin;
select plan(1);

do $$
declare
  v_role text;
begin
  foreach v_role in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select 1 from pg_roles where rolname = v_role) then
      execute format('create role %I nologin', v_role);
    end if;
  end loop;
end;
$$;

\ir ../../supabase/migrations/20261126000600_pgflow_grants.sql

create temporary table acl_before as
  select 'schema' as kind, n.nspname::text as name, n.nspacl::text as acl
    from pg_namespace n where n.nspname = 'pgflow'
  union all
  select 'routine', p.oid::regprocedure::text, p.proacl::text
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'pgflow'
  union all
  select 'relation', c.relname::text, c.relacl::text
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'pgflow';

\ir ../../supabase/migrations/20261126000600_pgflow_grants.sql

select set_eq(
  $$ select 'schema' as kind, n.nspname::text, n.nspacl::text
       from pg_namespace n where n.nspname = 'pgflow'
     union all
     select 'routine', p.oid::regprocedure::text, p.proacl::text
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'pgflow'
     union all
     select 'relation', c.relname::text, c.relacl::text
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'pgflow' $$,
  $$ select kind, name, acl from acl_before $$,
  'every pgflow ACL is the same after a second application'
);

select finish();
rollback;
