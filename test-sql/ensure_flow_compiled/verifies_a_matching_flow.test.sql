begin;
select plan(3);
select pgflow_tests.reset_db();
-- Local mode would recompile on any difference, so verified really means "nothing differs".
select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);

create temporary table shape as select '{"options": {"maxAttempts": 4}, "steps": [
  {"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
   "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}, "options": {"timeout": 9}},
  {"slug": "b", "stepType": "map", "dependencies": ["a"], "whenUnmet": "skip", "whenExhausted": "fail",
   "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}}]}'::jsonb as value;
select pgflow.ensure_flow_compiled('test_flow', (select value from shape));
insert into pgflow.runs (flow_slug, input) values ('test_flow', '[]');

select is(
  pgflow.ensure_flow_compiled('test_flow', (select value from shape)),
  '{"status": "verified", "differences": []}'::jsonb,
  'the same shape is verified'
);
select is((select count(*)::int from pgflow.runs), 1, 'nothing was deleted');

select pgflow.create_flow('sql_defined');
select pgflow.add_step('sql_defined', 'only');
select is(
  pgflow.ensure_flow_compiled('sql_defined', pgflow._get_flow_shape('sql_defined')),
  '{"status": "verified", "differences": []}'::jsonb,
  'a flow defined in SQL with default options matches its option-less shape'
);

select * from finish();
rollback;
