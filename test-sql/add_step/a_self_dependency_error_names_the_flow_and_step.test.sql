-- A self-dependency keeps upstream's deps_check text and SQLSTATE; DETAIL names flow and step,
-- HINT the fix. Nothing is written: no step row, no deps row.
begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select is(
  pgflow_tests.error_of($$ select pgflow.add_step('test_flow', 'loop', array['loop']) $$),
  jsonb_build_object(
    'sqlstate', '23514',
    'message', 'new row for relation "deps" violates check constraint "deps_check"',
    'detail', 'Step "loop" of flow "test_flow" lists itself as a dependency.',
    'hint', 'Remove "loop" from deps_slugs: a step cannot depend on itself.',
    'constraint', 'deps_check'),
  'the error names the flow and the step'
);
select is((select count(*)::int from pgflow.steps where flow_slug = 'test_flow'), 0, 'no step row is left');
select is((select count(*)::int from pgflow.deps where flow_slug = 'test_flow'), 0, 'no deps row is left');

select * from finish();
rollback;
