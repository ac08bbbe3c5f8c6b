begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'b');
select pgflow.add_step('test_flow', 'a_b');
select pgflow.add_step('test_flow', 'B');
select pgflow.add_step('test_flow', 'ab');
select pgflow.add_step('test_flow', 'last', array['b', 'ab', 'B', 'a_b']);

-- JavaScript's default sort (what the DSL does) orders by code point: 'B' < '_' < 'a'. The
-- database collation must not change that.
select is(
  pgflow._get_flow_shape('test_flow') -> 'steps' -> 4 -> 'dependencies',
  '["B", "a_b", "ab", "b"]'::jsonb,
  'dependencies are sorted as the DSL sorts them'
);

select * from finish();
rollback;
