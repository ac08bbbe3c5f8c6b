begin;
select plan(2);

select is(
  (select proconfig from pg_proc where oid = 'pgflow._broadcast(uuid, text, jsonb)'::regprocedure),
  array['search_path=""'],
  '_broadcast pins search_path to empty'
);
select is(
  (select prosecdef from pg_proc where oid = 'pgflow._broadcast(uuid, text, jsonb)'::regprocedure),
  false,
  '_broadcast is not SECURITY DEFINER'
);

select * from finish();
rollback;
