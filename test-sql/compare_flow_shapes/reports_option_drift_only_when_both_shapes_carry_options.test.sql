begin;
select plan(4);

-- Defect 10: option drift is reported, with new strings, when both sides carry options. The
-- database shape of _get_flow_shape has none, so upstream's results are unchanged.
select is(
  pgflow._compare_flow_shapes(
    '{"options": {"maxAttempts": 5}, "steps": [{"slug": "a", "options": {"timeout": 30}}]}',
    '{"steps": [{"slug": "a"}]}'
  ),
  '{}'::text[],
  'options on one side only are not compared'
);
select is(
  pgflow._compare_flow_shapes(
    '{"options": {"maxAttempts": 5, "baseDelay": 5, "timeout": 60},
      "steps": [{"slug": "a", "options": {"timeout": 30, "startDelay": 2}}]}',
    '{"options": {"maxAttempts": 3, "baseDelay": 5, "timeout": 60},
      "steps": [{"slug": "a", "options": {"timeout": 10, "maxAttempts": 2}}]}'
  ),
  array[
    'Step at index 0: option maxAttempts differs '''' vs ''2''',
    'Step at index 0: option timeout differs ''30'' vs ''10''',
    'Step at index 0: option startDelay differs ''2'' vs ''''',
    'Flow option maxAttempts differs ''5'' vs ''3'''
  ],
  'step options per step, then flow options, each key named'
);
select is(
  pgflow._compare_flow_shapes(
    '{"options": {"timeout": 60.0}, "steps": [{"slug": "a", "options": {"timeout": null}}]}',
    '{"options": {"timeout": 60}, "steps": [{"slug": "a", "options": {}}]}'
  ),
  '{}'::text[],
  'values compare as JSON numbers, and a JSON null equals a missing key'
);
select is(
  pgflow._compare_flow_shapes(
    '{"options": {"maxAttempts": 5}, "steps": [{"slug": "a", "stepType": "map", "options": {"baseDelay": 1}}]}',
    '{"options": {"maxAttempts": 3}, "steps": [{"slug": "a", "stepType": "single", "options": {}}]}'
  ),
  array[
    'Step at index 0: type differs ''map'' vs ''single''',
    'Step at index 0: option baseDelay differs ''1'' vs ''''',
    'Flow option maxAttempts differs ''5'' vs ''3'''
  ],
  'option lines follow the structural lines of the same step'
);

select * from finish();
rollback;
