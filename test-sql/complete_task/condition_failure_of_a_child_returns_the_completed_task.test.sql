begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"a": {"ok": true}}', when_unmet => 'fail');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a' \gset

select is(
  (select status from pgflow.complete_task(:'run_id', 'a', 0, '{"ok": false}'::jsonb)),
  'completed',
  'the completed task is returned'
);
select is(
  (select row(status, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('failed', 'Condition not met')::text,
  'the child failed its condition'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run failed');
select is((select count(*)::int from pgmq.a_f where msg_id = :msg_id), 1, 'the task message is archived');
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'b'), 0, 'b got no task');

select * from finish();
rollback;
