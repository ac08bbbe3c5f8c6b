begin;
select plan(6);

select is(pg_get_function_arguments('pgflow.create_flow(text,integer,integer,integer)'::regprocedure), $$flow_slug text, max_attempts integer DEFAULT NULL::integer, base_delay integer DEFAULT NULL::integer, timeout integer DEFAULT NULL::integer$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow.create_flow(text,integer,integer,integer)'::regprocedure), 'pgflow.flows', 'returns pgflow.flows');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow.create_flow(text,integer,integer,integer)'::regprocedure), 'sql', 'is written in sql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow.create_flow(text,integer,integer,integer)'::regprocedure)::text, 'v', 'is volatile');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow.create_flow(text,integer,integer,integer)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow.create_flow(text,integer,integer,integer)'::regprocedure), array['search_path=""'], 'pins an empty search_path');

select * from finish();
rollback;
