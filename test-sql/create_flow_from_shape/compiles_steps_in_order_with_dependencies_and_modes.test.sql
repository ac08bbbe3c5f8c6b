begin;
select plan(3);
select pgflow_tests.reset_db();

select pgflow._create_flow_from_shape('test_flow', '{"steps": [
  {"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
   "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}},
  {"slug": "b", "stepType": "single", "dependencies": ["a"], "whenUnmet": "fail", "whenExhausted": "skip",
   "requiredInputPattern": {"defined": true, "value": {"a": {"ok": true}}}, "forbiddenInputPattern": {"defined": false}},
  {"slug": "c", "stepType": "single", "dependencies": ["b", "a"], "whenUnmet": "skip-cascade", "whenExhausted": "skip-cascade",
   "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": true, "value": {"b": null}}}
]}');

select results_eq(
  $$ select step_slug, step_index, step_type, deps_count, when_unmet, when_exhausted
       from pgflow.steps where flow_slug = 'test_flow' order by step_index $$,
  $$ values ('a', 0, 'single', 0, 'skip', 'fail'), ('b', 1, 'single', 1, 'fail', 'skip'),
            ('c', 2, 'single', 2, 'skip-cascade', 'skip-cascade') $$,
  'steps are added in array order with their modes'
);
select results_eq(
  $$ select step_slug, required_input_pattern, forbidden_input_pattern from pgflow.steps order by step_index $$,
  $$ values ('a', null::jsonb, null::jsonb), ('b', '{"a": {"ok": true}}'::jsonb, null),
            ('c', null, '{"b": null}'::jsonb) $$,
  'only defined patterns are stored, unwrapped'
);
select results_eq(
  $$ select dep_slug, step_slug from pgflow.deps order by step_slug, dep_slug $$,
  $$ values ('a', 'b'), ('a', 'c'), ('b', 'c') $$,
  'dependencies are recorded'
);

select * from finish();
rollback;
