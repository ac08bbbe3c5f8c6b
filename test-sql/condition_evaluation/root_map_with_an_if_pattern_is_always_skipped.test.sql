begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map', required_input_pattern => '{"x": 1}');
select run_id from pgflow.start_flow('f', '[{"x": 1}]'::jsonb) \gset

-- patterns are objects and an array never contains an object pattern
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id'),
  row('skipped', 'condition_unmet')::text,
  'the root map is skipped'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'none of its tasks was created');

select * from finish();
rollback;
