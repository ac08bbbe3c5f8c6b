begin;
select plan(3);

create role h_pgflow_stranger nologin;

select is(
  (select count(*)::int
     from pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
    where n.nspname = 'pgflow' and a.grantee = 0),
  0,
  'schema pgflow grants nothing to PUBLIC'
);
select ok(
  not has_schema_privilege('h_pgflow_stranger', 'pgflow', 'usage'),
  'a role without grants has no USAGE on schema pgflow'
);
select ok(
  not has_schema_privilege('h_pgflow_stranger', 'pgflow', 'create'),
  'a role without grants cannot create objects in schema pgflow'
);

select finish();
rollback;
