begin;
select plan(2);

select is(
  pgflow._compare_flow_shapes('{"steps": [{"slug": "first"}]}', '{"steps": [{"slug": "second"}]}'),
  array['Step at index 0: slug differs ''first'' vs ''second'''],
  'a renamed step'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "stepType": "map"}]}',
    '{"steps": [{"slug": "a", "stepType": "single"}]}'
  ),
  array['Step at index 0: type differs ''map'' vs ''single'''],
  'a changed step type'
);

select * from finish();
rollback;
