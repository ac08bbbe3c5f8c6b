begin;
select plan(3);

select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
                 "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}},
                {"slug": "b", "stepType": "map", "dependencies": ["a"], "whenUnmet": "fail", "whenExhausted": "skip",
                 "requiredInputPattern": {"defined": true, "value": {"a": 1}}, "forbiddenInputPattern": {"defined": false}}]}',
    '{"steps": [{"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
                 "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}},
                {"slug": "b", "stepType": "map", "dependencies": ["a"], "whenUnmet": "fail", "whenExhausted": "skip",
                 "requiredInputPattern": {"defined": true, "value": {"a": 1}}, "forbiddenInputPattern": {"defined": false}}]}'
  ),
  '{}'::text[],
  'equal shapes give an empty array'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "c", "dependencies": ["b", "a"]}]}',
    '{"steps": [{"slug": "c", "dependencies": ["a", "b"]}]}'
  ),
  '{}'::text[],
  'the order of dependencies does not matter'
);
select is(
  pgflow._compare_flow_shapes('{"steps": []}', '{"steps": []}'),
  '{}'::text[],
  'two empty shapes match'
);

select * from finish();
rollback;
