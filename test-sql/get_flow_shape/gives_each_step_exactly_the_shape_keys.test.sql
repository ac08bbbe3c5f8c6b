begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow', max_attempts => 9, base_delay => 9, timeout => 9);
select pgflow.add_step('test_flow', 'step', max_attempts => 2, start_delay => 4);

select is(
  (select array_agg(k order by k) from jsonb_object_keys(pgflow._get_flow_shape('test_flow') -> 'steps' -> 0) as k),
  array['dependencies', 'forbiddenInputPattern', 'requiredInputPattern', 'slug', 'stepType', 'whenExhausted', 'whenUnmet'],
  'a step has exactly the seven shape keys (options are never included)'
);
select is(
  (select array_agg(k) from jsonb_object_keys(pgflow._get_flow_shape('test_flow')) as k),
  array['steps'],
  'the shape has only steps, no flow options'
);

select * from finish();
rollback;
