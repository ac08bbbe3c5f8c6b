begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');
select failed_at as first_failed_at from pgflow.runs where run_id = :'run_id' \gset
select count(*) as before_events from realtime.messages \gset

select is(
  (select row(status, error_message)::text from pgflow.fail_task(:'run_id', 'a', 0, 'second error')),
  row('failed', 'a FAILED')::text,
  'a replayed failure keeps the first error'
);
select is(
  (select row(status, failed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', :'first_failed_at'::timestamptz)::text,
  'the run is unchanged'
);
select is((select count(*)::int from realtime.messages), :before_events::int, 'no new event');

select * from finish();
rollback;
