begin;
select plan(4);

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin;
  end if;
end;
$$;

\ir ../../supabase/migrations/20261126000600_pgflow_grants.sql

select ok(not has_schema_privilege('anon', 'pgflow', 'usage'), 'anon has no USAGE on pgflow');
select ok(
  not has_function_privilege('anon', 'pgflow.start_flow_with_states(text, jsonb, uuid)', 'execute'),
  'anon cannot execute start_flow_with_states'
);
select ok(
  not has_function_privilege('anon', 'pgflow.get_run_with_states(uuid)', 'execute'),
  'anon cannot execute get_run_with_states'
);
select ok(not has_table_privilege('anon', 'pgflow.flows', 'select'), 'anon cannot read flows');

select finish();
rollback;
