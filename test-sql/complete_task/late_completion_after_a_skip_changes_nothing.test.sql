begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'm', step_type => 'map', when_exhausted => 'skip');
select pgflow.add_step('f', 'other');
select run_id from pgflow.start_flow('f', '[1, 2]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'm', 0, 'boom');
select remaining_steps as before_steps from pgflow.runs where run_id = :'run_id' \gset

-- defect 7: the sibling task was ended as 'skipped' together with its step
select is(
  (select row(status, output)::text from pgflow.complete_task(:'run_id', 'm', 1, '"late"'::jsonb)),
  row('skipped', null::jsonb)::text,
  'the late completion returns the skipped task unchanged'
);
select is(
  (select row(status, skip_reason, output, remaining_tasks)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'm'),
  row('skipped', 'handler_failed', null::jsonb, null::int)::text,
  'the step stays skipped'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), :before_steps, 'remaining_steps is unchanged');
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'the run is still started');
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 0, 'no step:completed event');
select is(
  (select count(*)::int from pgmq.q_f q join pgflow.step_tasks t on t.message_id = q.msg_id
    where t.run_id = :'run_id' and t.step_slug = 'm'),
  0,
  'no message of the skipped step is left in the queue'
);

select * from finish();
rollback;
