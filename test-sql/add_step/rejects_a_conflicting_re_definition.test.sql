begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'a');
select pgflow.add_step('test_flow', 'b');
select pgflow.add_step('test_flow', 'c', array['a']);
create temporary table before_deps as select * from pgflow.deps;

-- Defect 9: upstream inserted the new deps rows and kept deps_count, so the step never became ready.
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'c', array['a', 'b']) $$,
  '42710',
  'Step "c" of flow "test_flow" is already defined differently: deps_slugs [a] vs [a, b] (stored vs given). '
  'A step cannot be changed in place: use a new step slug, or delete the flow with '
  'pgflow.delete_flow_and_data(''test_flow'') and define it again (ensure_flow_compiled does this when allowed to lose data).',
  'an added dependency is a conflict that names the difference and the fix'
);
select throws_like(
  $$ select pgflow.add_step('test_flow', 'c') $$,
  'Step "c" of flow "test_flow" is already defined differently: deps_slugs [a] vs [] (stored vs given).%',
  'a removed dependency is a conflict'
);
select throws_like(
  $$ select pgflow.add_step('test_flow', 'c', array['a'], step_type => 'map') $$,
  '%: step_type ''single'' vs ''map'' (stored vs given).%',
  'a changed step_type is a conflict'
);
select throws_like(
  $$ select pgflow.add_step('test_flow', 'c', array['a'], required_input_pattern => '{"a": 1}',
                            forbidden_input_pattern => '{"a": 2}') $$,
  '%: required_input_pattern NULL vs ''{"a": 1}''; forbidden_input_pattern NULL vs ''{"a": 2}'' (stored vs given).%',
  'changed patterns are a conflict, each one named'
);
select throws_like(
  $$ select pgflow.add_step('test_flow', 'c', array['a'], when_unmet => 'fail', when_exhausted => 'skip-cascade') $$,
  '%: when_unmet ''skip'' vs ''fail''; when_exhausted ''fail'' vs ''skip-cascade'' (stored vs given).%',
  'changed modes are a conflict'
);
select set_eq($$ select * from pgflow.deps $$, $$ select * from before_deps $$, 'no deps row was added');
select is(
  (select deps_count from pgflow.steps where step_slug = 'c'),
  (select count(*)::int from pgflow.deps where step_slug = 'c'),
  'deps_count still equals the number of deps rows'
);

select * from finish();
rollback;
