begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'first');
select pgflow.add_step('f', 'second', array['first'], required_input_pattern => '{"first": {"success": true}}');
select run_id as good from pgflow.start_flow('f', '{}'::jsonb) \gset
select run_id as bad from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'good' and step_slug = 'second'),
  row('created', 1)::text,
  'the condition waits for the dependency'
);
select count(*) from pgflow.complete_task(:'good', 'first', 0, '{"success": true, "data": [1]}'::jsonb);
select count(*) from pgflow.complete_task(:'bad', 'first', 0, '{"success": false}'::jsonb);

select is(
  (select status from pgflow.step_states where run_id = :'good' and step_slug = 'second'),
  'started',
  'a dependency output containing the pattern starts the step'
);
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'bad' and step_slug = 'second'),
  row('skipped', 'condition_unmet')::text,
  'an output without it skips the step'
);
select is((select status from pgflow.runs where run_id = :'bad'), 'completed', 'the run with the skipped leaf completed');

select * from finish();
rollback;
