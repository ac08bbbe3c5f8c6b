begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 3);
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');

create temp table returned on commit drop as
  select * from pgflow.fail_task(:'run_id', 'a', 0, 'first failure');

select is(
  (select row(status, attempts_count, error_message)::text from returned),
  row('queued', 1, 'first failure')::text,
  'the returned task is queued again, with its error'
);
select is(
  (select row(started_at, failed_at, completed_at)::text from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'),
  row(null::timestamptz, null::timestamptz, null::timestamptz)::text,
  'started_at and failed_at are cleared'
);
select is(
  (select row(status, remaining_tasks, error_message, failed_at)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'a'),
  row('started', 1, null::text, null::timestamptz)::text,
  'the step stays started without error'
);
select is(
  (select row(status, remaining_steps, failed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 1, null::timestamptz)::text,
  'the run is untouched'
);
select is(
  (select count(*)::int from pgflow_tests.message_timing('a', 'f')),
  1,
  'the message stays in the queue for the retry'
);

-- the retry can be started again once visible
select pgflow_tests.reset_message_visibility('f');
select is(
  (select count(*)::int from pgflow_tests.read_and_start('f')),
  1,
  'the retried task is started again'
);

select * from finish();
rollback;
