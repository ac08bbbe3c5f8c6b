begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 2, base_delay => 0);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select count(*) from pgflow_tests.poll_and_fail('f');
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id'),
  row('started', null::text)::text,
  'the first failure is retried, the step is not skipped'
);
select count(*) from pgflow_tests.poll_and_fail('f');
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id'),
  row('skipped', 'handler_failed')::text,
  'the step is skipped once attempts are exhausted'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'completed', 'the run completed');

select * from finish();
rollback;
