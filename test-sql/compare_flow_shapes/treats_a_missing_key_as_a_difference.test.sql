begin;
select plan(2);

-- Defect 10: upstream compared slug, stepType, whenUnmet and whenExhausted with `!=`, so a key
-- missing on one side was silently equal. Every key now uses IS DISTINCT FROM.
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a"}]}',
    '{"steps": [{"slug": "a", "stepType": "single", "whenUnmet": "skip", "whenExhausted": "fail"}]}'
  ),
  array[
    'Step at index 0: type differs '''' vs ''single''',
    'Step at index 0: whenUnmet differs '''' vs ''skip''',
    'Step at index 0: whenExhausted differs '''' vs ''fail'''
  ],
  'missing stepType, whenUnmet and whenExhausted are differences'
);
select is(
  pgflow._compare_flow_shapes('{"steps": [{"stepType": "single"}]}', '{"steps": [{"slug": "a", "stepType": "single"}]}'),
  array['Step at index 0: slug differs '''' vs ''a'''],
  'a missing slug is a difference'
);

select * from finish();
rollback;
