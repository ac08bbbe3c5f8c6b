begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, output, error_message)::text from pgflow.complete_task(:'run_id', 'a', 0, '{"late": true}'::jsonb)),
  row('failed', null::jsonb, 'a FAILED')::text,
  'a completion of a failed task returns it unchanged'
);
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'failed',
  'the step stays failed'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run stays failed');

select * from finish();
rollback;
