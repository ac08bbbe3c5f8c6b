begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
-- needs a's output: unmet once a is skipped
select pgflow.add_step('f', 'needs_a', array['a'], required_input_pattern => '{"a": {"ok": true}}');
-- runs only when a produced nothing
select pgflow.add_step('f', 'without_a', array['a'], forbidden_input_pattern => '{"a": {}}');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'needs_a'),
  row('skipped', 'condition_unmet')::text,
  'the child whose condition is unmet is skipped'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'needs_a'),
  0,
  'it was never started: no task'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'needs_a'), 0, 'no step:started for it');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'without_a'),
  'started',
  'the child whose condition holds started'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'only without_a remains');

select * from finish();
rollback;
