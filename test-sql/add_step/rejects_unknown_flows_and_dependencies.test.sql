begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.create_flow('other_flow');
select pgflow.add_step('other_flow', 'elsewhere');

select throws_ok(
  $$ select pgflow.add_step('missing_flow', 'step') $$,
  '23503',
  'insert or update on table "steps" violates foreign key constraint "steps_flow_slug_fkey"',
  'a step needs an existing flow'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', array['missing']) $$,
  '23503',
  'insert or update on table "deps" violates foreign key constraint "deps_flow_slug_dep_slug_fkey"',
  'a dependency must exist'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', array['elsewhere']) $$,
  '23503',
  'insert or update on table "deps" violates foreign key constraint "deps_flow_slug_dep_slug_fkey"',
  'a dependency must be in the same flow'
);
select is((select count(*)::int from pgflow.steps where flow_slug = 'test_flow'), 0, 'no step was added');

select * from finish();
rollback;
