begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' \gset

select is(
  (select row(status, attempts_count, error_message)::text from pgflow.fail_task(:'run_id', 'a', 0, 'too early')),
  row('queued', 0, null::text)::text,
  'a queued task is returned unchanged'
);
select is((select count(*)::int from pgmq.q_f where msg_id = :msg_id), 1, 'its message stays in the queue');
select is(
  (select row(status, error_message)::text from pgflow.step_states where run_id = :'run_id'),
  row('started', null::text)::text,
  'the step is unchanged'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'the run is unchanged');

select * from finish();
rollback;
