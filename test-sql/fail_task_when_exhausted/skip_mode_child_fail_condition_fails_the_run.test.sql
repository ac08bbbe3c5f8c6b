begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'other');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"a": {"ok": true}}', when_unmet => 'fail');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a' \gset

create temp table returned on commit drop as
  select * from pgflow.fail_task(:'run_id', 'a', 0, 'boom');

select is(
  (select row(step_slug, status, error_message)::text from returned),
  row('a', 'failed', 'boom')::text,
  'fail_task returns the failed task row'
);
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  row('skipped', 'handler_failed')::text,
  'the failing step was skipped first'
);
select is(
  (select row(status, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('failed', 'Condition not met')::text,
  'the child failed its condition'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run failed');
select is((select count(*)::int from pgmq.a_f where msg_id = :msg_id), 1, 'the failed task message is archived');
-- defect 7: the other running task is cancelled, not left started
select is(
  (select status from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'other'),
  'cancelled',
  'the other task is cancelled'
);
select is((select count(*)::int from pgmq.q_f), 0, 'no message is left in the queue');

select * from finish();
rollback;
