begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'y');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"a": {"ok": true}}', when_unmet => 'fail');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
-- a and x started, y queued
select count(*) from pgflow_tests.read_and_start('f', 1, 2);
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '{"ok": false}'::jsonb);

select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the condition failed the run');
-- defect 7: upstream leaves x 'started' and y 'queued' (messages archived only)
select is(
  (select array_agg(status order by step_slug) from pgflow.step_tasks where run_id = :'run_id'),
  array['completed', 'cancelled', 'cancelled'],
  'every other active task is cancelled'
);
select is((select count(*)::int from pgmq.q_f), 0, 'no message is left in the queue');
select is((select count(*)::int from pgmq.a_f), 3, 'all messages are archived');

select * from finish();
rollback;
