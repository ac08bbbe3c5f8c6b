begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"role": "admin"}');
select pgflow.add_step('f', 'b');
select run_id from pgflow.start_flow('f', '{"role": "user"}'::jsonb) \gset

select is(
  (select row(status, skip_reason, skipped_at = now(), started_at, remaining_tasks)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'a'),
  row('skipped', 'condition_unmet', true, null::timestamptz, null::int)::text,
  'the step is skipped for condition_unmet, never started'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'), 0, 'it has no task');
select is((select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'), null,
  'a skip carries no error message');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'the skip counts as done');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  'started',
  'the unconditioned step starts'
);

select * from finish();
rollback;
