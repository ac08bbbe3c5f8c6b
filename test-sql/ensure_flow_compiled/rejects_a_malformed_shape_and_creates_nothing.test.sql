-- ensure_flow_compiled rejects a malformed shape (pgflow._validate_flow_shape) instead of
-- answering `compiled` with a flow without steps, and instead of reporting a mismatch against an
-- existing flow. Nothing is created or changed.
begin;
select plan(5);
select pgflow_tests.reset_db();

select throws_ok(
  $$ select pgflow.ensure_flow_compiled('x', '{"foo": 1}') $$,
  '22023',
  'Invalid shape for flow "x": "steps" is missing (keys given: foo); expected {"steps": [...]}, with [] for a flow without steps',
  'a shape without steps names the missing key'
);
select is((select count(*)::int from pgflow.flows), 0, 'no flow row is created');

select pgflow.ensure_flow_compiled('existing', '{"steps": [{"slug": "a", "stepType": "single", "dependencies": []}]}');
select throws_ok(
  $$ select pgflow.ensure_flow_compiled('existing', '{"steps": [{"slug": "a", "dependencies": ["a"]}]}', true) $$,
  '22023',
  'Invalid shape for flow "existing": step "a" (steps[0]) depends on itself',
  'an existing flow is not recompiled from a malformed shape, even with allow_data_loss'
);
select is((select array_agg(step_slug) from pgflow.steps where flow_slug = 'existing'), array['a'],
  'the existing flow keeps its step');
select is((select count(*)::int from pgflow.deps where flow_slug = 'existing'), 0, 'and gets no deps row');

select * from finish();
rollback;
