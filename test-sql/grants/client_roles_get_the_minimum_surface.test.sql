begin;
select plan(16);

-- Roles are cluster-wide but their creation is transactional: rollback removes them.
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

select ok(has_schema_privilege('authenticated', 'pgflow', 'usage'), 'authenticated has USAGE on pgflow');
select ok(has_schema_privilege('service_role', 'pgflow', 'usage'), 'service_role has USAGE on pgflow');
select ok(
  has_function_privilege('authenticated', 'pgflow.start_flow_with_states(text, jsonb, uuid)', 'execute'),
  'authenticated can execute start_flow_with_states'
);
select ok(
  has_function_privilege('authenticated', 'pgflow.get_run_with_states(uuid)', 'execute'),
  'authenticated can execute get_run_with_states'
);
select ok(
  has_function_privilege('service_role', 'pgflow.start_flow_with_states(text, jsonb, uuid)', 'execute'),
  'service_role can execute start_flow_with_states'
);
select ok(
  has_function_privilege('service_role', 'pgflow.get_run_with_states(uuid)', 'execute'),
  'service_role can execute get_run_with_states'
);
select ok(has_table_privilege('authenticated', 'pgflow.flows', 'select'), 'authenticated can read flows');
select ok(has_table_privilege('authenticated', 'pgflow.steps', 'select'), 'authenticated can read steps');
select ok(has_table_privilege('service_role', 'pgflow.flows', 'select'), 'service_role can read flows');
select ok(has_table_privilege('service_role', 'pgflow.steps', 'select'), 'service_role can read steps');

select ok(
  not has_table_privilege('authenticated', 'pgflow.flows', 'insert, update, delete'),
  'authenticated cannot change flow definitions'
);
select ok(
  not has_table_privilege('authenticated', 'pgflow.runs', 'select'),
  'authenticated cannot read runs directly'
);
select ok(
  not has_table_privilege('authenticated', 'pgflow.step_tasks', 'select'),
  'authenticated cannot read step_tasks directly'
);
select ok(
  not has_table_privilege('service_role', 'pgflow.workers', 'select'),
  'service_role cannot read workers directly'
);
select is(
  (select array_agg(c.relname::text order by c.relname)
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'pgflow'
      and c.relkind in ('r', 'v', 'p')
      and has_table_privilege('authenticated', c.oid, 'select')),
  array['flows', 'steps'],
  'flows and steps are the only relations authenticated can read'
);

-- The client starts a run and reads it back as authenticated, through the two functions only.
set local role authenticated;
select lives_ok(
  $$ select pgflow.get_run_with_states('00000000-0000-0000-0000-000000000000') $$,
  'authenticated calls get_run_with_states without table privileges'
);
reset role;

select finish();
rollback;
