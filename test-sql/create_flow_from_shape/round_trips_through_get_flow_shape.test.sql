begin;
select plan(1);
select pgflow_tests.reset_db();

create temporary table shape as select '{"steps": [
  {"slug": "fetch", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
   "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}},
  {"slug": "pages", "stepType": "map", "dependencies": ["fetch"], "whenUnmet": "fail", "whenExhausted": "skip",
   "requiredInputPattern": {"defined": true, "value": {"fetch": {"ok": true}}}, "forbiddenInputPattern": {"defined": false}},
  {"slug": "save", "stepType": "single", "dependencies": ["fetch", "pages"], "whenUnmet": "skip",
   "whenExhausted": "skip-cascade", "requiredInputPattern": {"defined": false},
   "forbiddenInputPattern": {"defined": true, "value": {"pages": []}}}
]}'::jsonb as value;

select pgflow._create_flow_from_shape('round_trip', (select value from shape));

select is(pgflow._get_flow_shape('round_trip'), (select value from shape), 'the stored shape equals the compiled one');

select * from finish();
rollback;
