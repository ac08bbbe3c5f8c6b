-- A dependency that is not a step of the flow (unknown, or a step of another flow) keeps
-- upstream's FK text and SQLSTATE; DETAIL names the flow, the step and every missing dependency,
-- HINT the fix. Nothing is written.
begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'known');
select pgflow.create_flow('other_flow');
select pgflow.add_step('other_flow', 'elsewhere');

select is(
  pgflow_tests.error_of($$ select pgflow.add_step('test_flow', 'step', array['known', 'missing']) $$),
  jsonb_build_object(
    'sqlstate', '23503',
    'message', 'insert or update on table "deps" violates foreign key constraint "deps_flow_slug_dep_slug_fkey"',
    'detail', 'Step "step" of flow "test_flow" depends on "missing", which is not a step of flow "test_flow".',
    'hint', 'Add each dependency to the same flow before the steps that depend on it '
            '(steps are added in dependency order).',
    'constraint', 'deps_flow_slug_dep_slug_fkey'),
  'one missing dependency is named'
);
select is(
  pgflow_tests.error_of($$ select pgflow.add_step('test_flow', 'step', array['elsewhere', 'gone']) $$) ->> 'detail',
  'Step "step" of flow "test_flow" depends on "elsewhere", "gone", which are not steps of flow "test_flow".',
  'every missing dependency is named, a step of another flow included'
);
select is((select array_agg(step_slug) from pgflow.steps where flow_slug = 'test_flow'), array['known'],
  'no step row is left');
select is((select count(*)::int from pgflow.deps where flow_slug = 'test_flow'), 0, 'no deps row is left');

select * from finish();
rollback;
