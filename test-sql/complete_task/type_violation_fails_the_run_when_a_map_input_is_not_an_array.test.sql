begin;
select plan(8);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a' \gset

create temp table returned on commit drop as
  select * from pgflow.complete_task(:'run_id', 'a', 0, '{"not": "an array"}'::jsonb);

select is(
  (select row(status, error_message, output)::text from returned),
  row('failed', '[TYPE_VIOLATION] Produced object instead of array', '{"not": "an array"}'::jsonb)::text,
  'the returned task is failed, keeps the offending output and names the type'
);
select is(
  (select row(status, failed_at = now(), completed_at)::text from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'),
  row('failed', true, null::timestamptz)::text,
  'the stored task is failed at now()'
);
select is(
  (select row(status, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  row('failed', '[TYPE_VIOLATION] Map step m expects array input but dependency a produced object')::text,
  'the step is failed with the type-violation message'
);
select is(
  (select row(status, failed_at = now(), completed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', true, null::timestamptz)::text,
  'the run failed'
);
select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('created', null::int)::text,
  'the map child keeps unknown initial_tasks and is not started'
);
select is((select count(*)::int from pgmq.a_f where msg_id = :msg_id), 1, 'the task message is archived');
select is(pgflow_tests.count_realtime_events('step:failed', :'run_id'::uuid, 'a'), 1, 'step:failed was broadcast');
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 0, 'no step:completed event');

select * from finish();
rollback;
