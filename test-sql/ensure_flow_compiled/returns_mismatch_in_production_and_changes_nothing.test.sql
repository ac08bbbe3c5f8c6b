begin;
select plan(4);
select pgflow_tests.reset_db();
select set_config('app.settings.jwt_secret', 'production-secret', true);

select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'a');
select pgflow.add_step('test_flow', 'b', array['a']);
insert into pgflow.runs (flow_slug, input) values ('test_flow', '{}');
create temporary table before_shape as select pgflow._get_flow_shape('test_flow') as value;

select is(
  pgflow.ensure_flow_compiled('test_flow', '{"steps": [
    {"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
     "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}},
    {"slug": "c", "stepType": "single", "dependencies": ["a"], "whenUnmet": "skip", "whenExhausted": "fail",
     "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}}]}'),
  '{"status": "mismatch", "differences": ["Step at index 1: slug differs ''c'' vs ''b''"]}'::jsonb,
  'a structural difference is a mismatch, with its differences, and does not raise'
);
select is(pgflow._get_flow_shape('test_flow'), (select value from before_shape), 'the definition is untouched');
select is((select count(*)::int from pgflow.runs), 1, 'runs are kept');
select is(
  (pgflow.ensure_flow_compiled('test_flow', '{"steps": []}', allow_data_loss => null)) ->> 'status',
  'mismatch',
  'a NULL allow_data_loss means false'
);

select * from finish();
rollback;
