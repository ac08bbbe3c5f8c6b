begin;
select plan(2);

select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "whenUnmet": "skip", "whenExhausted": "fail"}]}',
    '{"steps": [{"slug": "a", "whenUnmet": "fail", "whenExhausted": "fail"}]}'
  ),
  array['Step at index 0: whenUnmet differs ''skip'' vs ''fail'''],
  'whenUnmet drift'
);
select is(
  pgflow._compare_flow_shapes(
    '{"steps": [{"slug": "a", "whenUnmet": "skip", "whenExhausted": "skip-cascade"}]}',
    '{"steps": [{"slug": "a", "whenUnmet": "skip", "whenExhausted": "fail"}]}'
  ),
  array['Step at index 0: whenExhausted differs ''skip-cascade'' vs ''fail'''],
  'whenExhausted drift'
);

select * from finish();
rollback;
