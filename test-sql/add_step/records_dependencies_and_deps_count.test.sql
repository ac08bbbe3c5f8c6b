begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'root_a');
select pgflow.add_step('test_flow', 'root_b');

select is(
  (select s.deps_count from pgflow.add_step('test_flow', 'last', array['root_b', 'root_a']) as s),
  2,
  'deps_count is the number of dependencies'
);
select results_eq(
  $$ select flow_slug, dep_slug, step_slug from pgflow.deps order by dep_slug $$,
  $$ values ('test_flow', 'root_a', 'last'), ('test_flow', 'root_b', 'last') $$,
  'one deps row per dependency'
);
select results_eq(
  $$ select step_slug, deps_count from pgflow.steps order by step_index $$,
  $$ values ('root_a', 0), ('root_b', 0), ('last', 2) $$,
  'roots have no dependencies'
);

select * from finish();
rollback;
