begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow', max_attempts => 7);
select pgflow.add_step('test_flow', 'root', timeout => 5);
select pgflow.add_step('test_flow', 'items', array['root'], step_type => 'map',
                       required_input_pattern => '{"root": {"ok": true}}', when_unmet => 'fail');
select pgflow.add_step('test_flow', 'last', array['root', 'items'],
                       forbidden_input_pattern => '{"items": []}', when_exhausted => 'skip-cascade');

select is(
  pgflow._get_flow_shape('test_flow'),
  '{"steps": [
     {"slug": "root", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
      "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}},
     {"slug": "items", "stepType": "map", "dependencies": ["root"], "whenUnmet": "fail", "whenExhausted": "fail",
      "requiredInputPattern": {"defined": true, "value": {"root": {"ok": true}}},
      "forbiddenInputPattern": {"defined": false}},
     {"slug": "last", "stepType": "single", "dependencies": ["items", "root"], "whenUnmet": "skip",
      "whenExhausted": "skip-cascade", "requiredInputPattern": {"defined": false},
      "forbiddenInputPattern": {"defined": true, "value": {"items": []}}}
   ]}'::jsonb,
  'steps by step_index, deps sorted, patterns wrapped, and no options'
);

select * from finish();
rollback;
