begin;
select plan(3);
select pgflow_tests.reset_db();
select set_config('app.settings.jwt_secret', 'production-secret', true);

select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'a');
insert into pgflow.runs (flow_slug, input) values ('test_flow', '{}');

select is(
  pgflow.ensure_flow_compiled('test_flow', '{"steps": [
    {"slug": "a", "stepType": "map", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
     "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}}]}',
    allow_data_loss => true),
  '{"status": "recompiled", "differences": ["Step at index 0: type differs ''map'' vs ''single''"]}'::jsonb,
  'allow_data_loss recompiles outside local mode'
);
select is((select step_type from pgflow.steps where flow_slug = 'test_flow'), 'map', 'the new definition is stored');
select is((select count(*)::int from pgflow.runs), 0, 'the old runs were deleted');

select * from finish();
rollback;
