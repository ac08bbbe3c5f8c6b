begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select when_exhausted from pgflow.steps where flow_slug = 'f' and step_slug = 'a'),
  'fail',
  'when_exhausted defaults to fail'
);
select count(*) from pgflow_tests.poll_and_fail('f');
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  row('failed', null::text)::text,
  'the step failed, it was not skipped'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run failed');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 0, 'no step:skipped event');

select * from finish();
rollback;
