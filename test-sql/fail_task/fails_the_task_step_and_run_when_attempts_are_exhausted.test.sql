begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 2, base_delay => 0);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select count(*) from pgflow_tests.poll_and_fail('f');
select is(
  (select status from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'),
  'queued',
  'the first failure is retried'
);
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, attempts_count, error_message, failed_at = now())::text from pgflow.step_tasks
    where run_id = :'run_id' and step_slug = 'a'),
  row('failed', 2, 'a FAILED', true)::text,
  'the task failed after its second attempt'
);
select ok(
  (select started_at is not null and completed_at is null from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'),
  'started_at is kept on the failed task'
);
select is(
  (select row(status, error_message, failed_at = now(), remaining_tasks)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'a'),
  row('failed', 'a FAILED', true, 1)::text,
  'the step failed with the task error, remaining_tasks kept'
);
select is(
  (select row(status, failed_at = now(), completed_at, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', true, null::timestamptz, 2)::text,
  'the run failed and remaining_steps is not decremented'
);
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('created', 1)::text,
  'the dependent is untouched'
);
select is((select count(*)::int from pgmq.q_f), 0, 'no message is left in the queue');

select * from finish();
rollback;
