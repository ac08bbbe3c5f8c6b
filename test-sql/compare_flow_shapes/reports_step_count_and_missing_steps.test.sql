begin;
select plan(3);

select is(
  pgflow._compare_flow_shapes('{"steps": [{"slug": "a"}]}', '{"steps": [{"slug": "a"}, {"slug": "b"}]}'),
  array['Step count differs: 1 vs 2', 'Step at index 1: missing in first shape (second has ''b'')'],
  'a step missing locally'
);
select is(
  pgflow._compare_flow_shapes('{"steps": [{"slug": "a"}, {"slug": "b"}]}', '{"steps": [{"slug": "a"}]}'),
  array['Step count differs: 2 vs 1', 'Step at index 1: missing in second shape (first has ''b'')'],
  'a step missing in the database'
);
select is(
  pgflow._compare_flow_shapes('{}', '{"steps": [{"slug": "a"}]}'),
  array['Step count differs: 0 vs 1', 'Step at index 0: missing in first shape (second has ''a'')'],
  'a missing steps key counts as no steps'
);

select * from finish();
rollback;
