begin;
select plan(6);

select is(pg_get_function_arguments('pgflow._compare_flow_shapes(jsonb,jsonb)'::regprocedure), $$p_local jsonb, p_db jsonb$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow._compare_flow_shapes(jsonb,jsonb)'::regprocedure), 'text[]', 'returns text[]');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow._compare_flow_shapes(jsonb,jsonb)'::regprocedure), 'plpgsql', 'is written in plpgsql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow._compare_flow_shapes(jsonb,jsonb)'::regprocedure)::text, 's', 'is stable');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow._compare_flow_shapes(jsonb,jsonb)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow._compare_flow_shapes(jsonb,jsonb)'::regprocedure), array['search_path=""'], 'pins an empty search_path');

select * from finish();
rollback;
