begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'first' \gset

-- the task was never started
select is(
  (select row(status, output)::text from pgflow.complete_task(:'run_id', 'first', 0, '{"early": true}'::jsonb)),
  row('queued', null::jsonb)::text,
  'the returned row is still queued without output'
);
select is(
  (select count(*)::int from pgmq.q_sequential where msg_id = :msg_id),
  1,
  'the message stays in the queue'
);
select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  row('started', 1, null::jsonb)::text,
  'the step is unchanged'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 3, 'remaining_steps is unchanged');
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 0, 'no step:completed event');

select * from finish();
rollback;
