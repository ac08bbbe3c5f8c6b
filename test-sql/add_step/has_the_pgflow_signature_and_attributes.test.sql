begin;
select plan(6);

select is(pg_get_function_arguments('pgflow.add_step(text,text,text[],integer,integer,integer,integer,text,jsonb,jsonb,text,text)'::regprocedure), $$flow_slug text, step_slug text, deps_slugs text[] DEFAULT '{}'::text[], max_attempts integer DEFAULT NULL::integer, base_delay integer DEFAULT NULL::integer, timeout integer DEFAULT NULL::integer, start_delay integer DEFAULT NULL::integer, step_type text DEFAULT 'single'::text, required_input_pattern jsonb DEFAULT NULL::jsonb, forbidden_input_pattern jsonb DEFAULT NULL::jsonb, when_unmet text DEFAULT 'skip'::text, when_exhausted text DEFAULT 'fail'::text$$, 'parameter names, types and defaults match pgflow');
select is(pg_get_function_result('pgflow.add_step(text,text,text[],integer,integer,integer,integer,text,jsonb,jsonb,text,text)'::regprocedure), 'pgflow.steps', 'returns pgflow.steps');
select is((select l.lanname::text from pg_proc as p join pg_language as l on l.oid = p.prolang where p.oid = 'pgflow.add_step(text,text,text[],integer,integer,integer,integer,text,jsonb,jsonb,text,text)'::regprocedure), 'plpgsql', 'is written in plpgsql');
select is((select p.provolatile from pg_proc as p where p.oid = 'pgflow.add_step(text,text,text[],integer,integer,integer,integer,text,jsonb,jsonb,text,text)'::regprocedure)::text, 'v', 'is volatile');
select is((select p.prosecdef from pg_proc as p where p.oid = 'pgflow.add_step(text,text,text[],integer,integer,integer,integer,text,jsonb,jsonb,text,text)'::regprocedure), false, 'is not security definer');
select is((select p.proconfig from pg_proc as p where p.oid = 'pgflow.add_step(text,text,text[],integer,integer,integer,integer,text,jsonb,jsonb,text,text)'::regprocedure), array['search_path=""'], 'pins an empty search_path');

select * from finish();
rollback;
