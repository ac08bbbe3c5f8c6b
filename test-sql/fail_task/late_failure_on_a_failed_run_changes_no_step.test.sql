begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');
select count(*) as before_events from realtime.messages \gset

-- defect 7: b's task was cancelled with the run, so its late failure changes nothing
select is(
  (select row(status, error_message)::text from pgflow.fail_task(:'run_id', 'b', 0, 'late')),
  row('cancelled', null::text)::text,
  'a cancelled task stays cancelled'
);

-- a task that is (by hand) still started on a failed run only records its failure
update pgflow.step_tasks set status = 'started' where run_id = :'run_id' and step_slug = 'b';
select is(
  (select row(status, error_message, failed_at = now())::text from pgflow.fail_task(:'run_id', 'b', 0, 'late')),
  row('failed', 'late', true)::text,
  'a started task of a failed run is marked failed'
);
select is(
  (select row(status, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('started', null::text)::text,
  'its step is not touched'
);
select is((select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'), 'boom', 'the first error stays');
select is((select count(*)::int from realtime.messages), :before_events::int, 'no event');

select * from finish();
rollback;
