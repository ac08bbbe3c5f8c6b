begin;
select plan(2);
select pgflow_tests.reset_db();

select throws_ok(
  $$ select pgflow._create_flow_from_shape('bad', '{"options": {"timeout": "soon"}, "steps": []}') $$,
  '22P02',
  'invalid input syntax for type integer: "soon"',
  'a non-numeric flow option is a cast error'
);
select throws_ok(
  $$ select pgflow._create_flow_from_shape('bad', '{"steps": [{"slug": "a", "options": {"maxAttempts": "many"}}]}') $$,
  '22P02',
  'invalid input syntax for type integer: "many"',
  'a non-numeric step option is a cast error'
);

select * from finish();
rollback;
