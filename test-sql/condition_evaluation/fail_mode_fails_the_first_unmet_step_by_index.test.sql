begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'zeta', required_input_pattern => '{"go": true}', when_unmet => 'fail');
select pgflow.add_step('f', 'alpha', required_input_pattern => '{"go": true}', when_unmet => 'fail');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'zeta'),
  'failed',
  'the first unmet step in definition order fails'
);
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'alpha'),
  'created',
  'the second one is left alone'
);
select is(pgflow_tests.count_realtime_events('step:failed', :'run_id'::uuid), 1, 'one step:failed event');

select * from finish();
rollback;
