begin;
select plan(6);

select is(pg_get_function_arguments('pgflow.delete_flow_and_data(text)'::regprocedure), $$p_flow_slug text$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow.delete_flow_and_data(text)'::regprocedure), 'void', 'returns void');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow.delete_flow_and_data(text)'::regprocedure), 'plpgsql', 'is written in plpgsql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow.delete_flow_and_data(text)'::regprocedure)::text, 'v', 'is volatile');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow.delete_flow_and_data(text)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow.delete_flow_and_data(text)'::regprocedure), array['search_path=""'], 'pins an empty search_path');

select * from finish();
rollback;
