begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');

create temp table returned on commit drop as
  select * from pgflow.fail_task(:'run_id', 'a', 0, 'handler blew up');

select is(
  (select row(status, error_message)::text from returned),
  row('failed', 'handler blew up')::text,
  'the returned task is failed'
);
select is(
  (select row(status, skip_reason, error_message, remaining_tasks)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'a'),
  row('skipped', 'handler_failed', 'handler blew up', null::int)::text,
  'the step is skipped with reason handler_failed and keeps the error'
);
select ok(
  (select skipped_at = now() and failed_at is null and completed_at is null and started_at is not null
     from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'skipped_at is set, failed_at is not, started_at is kept'
);
select is(
  (select row(status, remaining_steps, failed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 1, null::timestamptz)::text,
  'the run continues with one step less'
);
select is(pgflow_tests.count_realtime_events('step:failed', :'run_id'::uuid), 0, 'no step:failed event');
select is(pgflow_tests.count_realtime_events('run:failed', :'run_id'::uuid), 0, 'no run:failed event');
select is((select count(*)::int from pgmq.q_f q join pgflow.step_tasks t on t.message_id = q.msg_id where t.step_slug = 'a'), 0,
  'the failed task message is archived');

select * from finish();
rollback;
