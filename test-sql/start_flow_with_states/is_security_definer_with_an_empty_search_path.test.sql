-- Defect 16: upstream does not pin search_path on this SECURITY DEFINER function.
begin;
select plan(3);

select is(
  (select prosecdef from pg_proc where oid = 'pgflow.start_flow_with_states(text, jsonb, uuid)'::regprocedure),
  true,
  'start_flow_with_states is SECURITY DEFINER'
);
select is(
  (select proconfig from pg_proc where oid = 'pgflow.start_flow_with_states(text, jsonb, uuid)'::regprocedure),
  array['search_path=""'],
  'its search_path is pinned to empty'
);
select is(
  (select array_to_string(proargnames, ',') || ' -> ' || prorettype::regtype::text
     from pg_proc where oid = 'pgflow.start_flow_with_states(text, jsonb, uuid)'::regprocedure),
  'flow_slug,input,run_id -> jsonb',
  'parameters are flow_slug, input, run_id and it returns jsonb'
);

select * from finish();
rollback;
