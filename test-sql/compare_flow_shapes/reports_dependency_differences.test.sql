begin;
select plan(3);

select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "c", "dependencies": ["b", "a"]}]}',
    '{"steps": [{"slug": "c", "dependencies": ["a"]}]}'
  ),
  array['Step at index 0: dependencies differ [a, b] vs [a]'],
  'dependencies are listed sorted and joined with a comma'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "c", "dependencies": []}]}',
    '{"steps": [{"slug": "c", "dependencies": ["a"]}]}'
  ),
  array['Step at index 0: dependencies differ [] vs [a]'],
  'no dependencies print as []'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "c"}]}',
    '{"steps": [{"slug": "c", "dependencies": []}]}'
  ),
  '{}'::text[],
  'a missing dependencies key equals an empty list'
);

select * from finish();
rollback;
