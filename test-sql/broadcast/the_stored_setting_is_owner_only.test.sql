-- pgflow.settings decides whether run events are private: the grants file leaves it owner-only,
-- even when a privilege was granted on it before.
begin;
select plan(2);

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
grant all on table pgflow.settings to public, anon, authenticated, service_role;

\ir ../../supabase/migrations/20261126000600_pgflow_grants.sql

select is_empty(
  $$ select a.grantee::regrole::text, a.privilege_type
       from pg_class c, aclexplode(c.relacl) a
      where c.oid = 'pgflow.settings'::regclass and a.grantee <> c.relowner $$,
  'nobody but the owner has a privilege on pgflow.settings'
);
select ok(
  not has_table_privilege('authenticated', 'pgflow.settings', 'select, insert, update, delete'),
  'authenticated can neither read nor change it'
);

select * from finish();
rollback;
