begin;
select plan(7);

select is(pg_get_function_arguments('pgflow.calculate_retry_delay(numeric,integer)'::regprocedure), $$base_delay numeric, attempts_count integer$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow.calculate_retry_delay(numeric,integer)'::regprocedure), 'integer', 'returns integer');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow.calculate_retry_delay(numeric,integer)'::regprocedure), 'sql', 'is written in sql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow.calculate_retry_delay(numeric,integer)'::regprocedure)::text, 'i', 'is immutable');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow.calculate_retry_delay(numeric,integer)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow.calculate_retry_delay(numeric,integer)'::regprocedure), array['search_path=""'], 'pins an empty search_path');
select is((select p.proparallel from pg_proc as p where p.oid = 'pgflow.calculate_retry_delay(numeric,integer)'::regprocedure)::text, 's', 'is parallel safe');

select * from finish();
rollback;
