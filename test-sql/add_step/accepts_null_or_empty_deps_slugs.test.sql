begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select lives_ok($$ select pgflow.add_step('test_flow', 'null_deps', null) $$, 'NULL deps_slugs is allowed');
select lives_ok($$ select pgflow.add_step('test_flow', 'empty_deps', '{}') $$, 'an empty array is allowed');
select results_eq(
  $$ select step_slug, deps_count from pgflow.steps order by step_index $$,
  $$ values ('null_deps', 0), ('empty_deps', 0) $$,
  'both give deps_count 0'
);

select * from finish();
rollback;
