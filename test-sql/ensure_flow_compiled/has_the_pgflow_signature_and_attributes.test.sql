begin;
select plan(6);

select is(pg_get_function_arguments('pgflow.ensure_flow_compiled(text,jsonb,boolean)'::regprocedure), $$flow_slug text, shape jsonb, allow_data_loss boolean DEFAULT false$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow.ensure_flow_compiled(text,jsonb,boolean)'::regprocedure), 'jsonb', 'returns jsonb');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow.ensure_flow_compiled(text,jsonb,boolean)'::regprocedure), 'plpgsql', 'is written in plpgsql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow.ensure_flow_compiled(text,jsonb,boolean)'::regprocedure)::text, 'v', 'is volatile');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow.ensure_flow_compiled(text,jsonb,boolean)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow.ensure_flow_compiled(text,jsonb,boolean)'::regprocedure), array['search_path=""'], 'pins an empty search_path');

select * from finish();
rollback;
