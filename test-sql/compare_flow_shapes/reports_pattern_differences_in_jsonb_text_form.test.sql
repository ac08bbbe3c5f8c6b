begin;
select plan(3);

select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "requiredInputPattern": {"defined": true, "value": {"status": "active"}}}]}',
    '{"steps": [{"slug": "a", "requiredInputPattern": {"defined": true, "value": {"status": "inactive"}}}]}'
  ),
  array['Step at index 0: requiredInputPattern differs ''{"value": {"status": "active"}, "defined": true}'' vs '
        '''{"value": {"status": "inactive"}, "defined": true}'''],
  'a changed pattern value, printed in jsonb canonical form'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "forbiddenInputPattern": {"defined": true, "value": {"x": 1}}}]}',
    '{"steps": [{"slug": "a", "forbiddenInputPattern": {"defined": false}}]}'
  ),
  array['Step at index 0: forbiddenInputPattern differs ''{"value": {"x": 1}, "defined": true}'' vs ''{"defined": false}'''],
  'a pattern that became defined'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "requiredInputPattern": {"defined": false}}]}',
    '{"steps": [{"slug": "a"}]}'
  ),
  array['Step at index 0: requiredInputPattern differs ''{"defined": false}'' vs '''''],
  'a missing pattern key is a difference, printed as empty'
);

select * from finish();
rollback;
