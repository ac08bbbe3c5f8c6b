begin;
select plan(6);

select is(pg_get_function_arguments('pgflow._get_flow_shape(text)'::regprocedure), $$p_flow_slug text$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow._get_flow_shape(text)'::regprocedure), 'jsonb', 'returns jsonb');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow._get_flow_shape(text)'::regprocedure), 'sql', 'is written in sql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow._get_flow_shape(text)'::regprocedure)::text, 's', 'is stable');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow._get_flow_shape(text)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow._get_flow_shape(text)'::regprocedure), array['search_path=""'], 'pins an empty search_path');

select * from finish();
rollback;
