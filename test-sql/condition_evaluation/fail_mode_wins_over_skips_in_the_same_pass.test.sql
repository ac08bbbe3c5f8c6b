begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'skipper', required_input_pattern => '{"go": true}', when_unmet => 'skip');
select pgflow.add_step('f', 'failer', required_input_pattern => '{"go": true}', when_unmet => 'fail');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run failed');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'skipper'),
  'created',
  'the skip of the same pass is not applied'
);
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 0, 'no step:skipped event');

select * from finish();
rollback;
