begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select pgflow.maybe_complete_run(:'run_id');
select is(
  (select row(status, completed_at, output)::text from pgflow.runs where run_id = :'run_id'),
  row('started', null::timestamptz, null::jsonb)::text,
  'a run with remaining steps stays started'
);
select count(*) from pgflow_tests.poll_and_complete('sequential');
select count(*) from pgflow_tests.poll_and_complete('sequential');
select pgflow.maybe_complete_run(:'run_id');
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'one remaining step still keeps it started');
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 0, 'no run:completed event');

select * from finish();
rollback;
