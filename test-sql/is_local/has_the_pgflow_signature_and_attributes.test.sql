begin;
select plan(7);

select is(pg_get_function_arguments('pgflow.is_local()'::regprocedure), $$$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow.is_local()'::regprocedure), 'boolean', 'returns boolean');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow.is_local()'::regprocedure), 'sql', 'is written in sql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow.is_local()'::regprocedure)::text, 's', 'is stable');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow.is_local()'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow.is_local()'::regprocedure), array['search_path=""'], 'pins an empty search_path');
select is((select p.proparallel from pg_proc as p where p.oid = 'pgflow.is_local()'::regprocedure)::text, 's', 'is parallel safe');

select * from finish();
rollback;
