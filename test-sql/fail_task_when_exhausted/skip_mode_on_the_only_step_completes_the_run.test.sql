begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'only', when_exhausted => 'skip');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, remaining_steps, completed_at = now())::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0, true)::text,
  'the run completed'
);
-- defect 15: upstream stores SQL NULL when no leaf completed
select is((select output from pgflow.runs where run_id = :'run_id'), '{}'::jsonb, 'its output is an empty object');
select is(
  (pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid)) -> 'output',
  '{}'::jsonb,
  'run:completed carries the empty object'
);
select is(pgflow_tests.count_realtime_events('run:failed', :'run_id'::uuid), 0, 'the run did not fail');

select * from finish();
rollback;
