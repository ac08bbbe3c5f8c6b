begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'a');
select pgflow.add_step('test_flow', 'b');

-- Defect 9: upstream counted duplicates in deps_count but stored one deps row, so the step
-- waited forever.
select is(
  (select s.deps_count from pgflow.add_step('test_flow', 'joined', array['a', 'b', 'a']) as s),
  2,
  'deps_count counts distinct dependencies'
);
select is(
  (select count(*)::int from pgflow.deps where step_slug = 'joined'),
  2,
  'and equals the number of deps rows'
);
select lives_ok(
  $$ select pgflow.add_step('test_flow', 'mapped', array['a', 'a'], step_type => 'map') $$,
  'a map step with one dependency listed twice has one dependency'
);
select is((select deps_count from pgflow.steps where step_slug = 'mapped'), 1, 'the map has deps_count 1');

select * from finish();
rollback;
