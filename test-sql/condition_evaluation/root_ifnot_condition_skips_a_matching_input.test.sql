begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', forbidden_input_pattern => '{"test": true}');
select run_id as matching from pgflow.start_flow('f', '{"test": true, "x": 1}'::jsonb) \gset
select run_id as other from pgflow.start_flow('f', '{"test": false}'::jsonb) \gset

select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'matching'),
  row('skipped', 'condition_unmet')::text,
  'an input containing the forbidden pattern skips the step'
);
select is(
  (select status from pgflow.step_states where run_id = :'other'),
  'started',
  'an input without it starts the step'
);

select * from finish();
rollback;
