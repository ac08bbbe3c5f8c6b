begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'dep1');
select pgflow.add_step('test_flow', 'dep2');

select throws_ok(
  $$ select pgflow.add_step('test_flow', 'invalid_map', array['dep1', 'dep2'], step_type => 'map') $$,
  'P0001',
  'Map step "invalid_map" can have at most one dependency, but 2 were provided: dep1, dep2',
  'the exact upstream error text'
);
select lives_ok(
  $$ select pgflow.add_step('test_flow', 'root_map', step_type => 'map') $$,
  'a root map has no dependency'
);
select lives_ok(
  $$ select pgflow.add_step('test_flow', 'child_map', array['dep1'], step_type => 'map') $$,
  'a map may have one dependency'
);
select results_eq(
  $$ select step_slug, step_type, deps_count from pgflow.steps where step_type = 'map' order by step_index $$,
  $$ values ('root_map', 'map', 0), ('child_map', 'map', 1) $$,
  'map steps are stored with step_type map'
);

select * from finish();
rollback;
