begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('cond_fail');
select pgflow.add_step('cond_fail', 'strict', required_input_pattern => '{"go": true}'::jsonb, when_unmet => 'fail');
select run_id from pgflow.start_flow('cond_fail', '{"go": false}'::jsonb) \gset

select is(
  pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'strict') - 'id' - 'failed_at',
  jsonb_build_object('event_type', 'step:failed', 'run_id', :'run_id', 'flow_slug', 'cond_fail',
                     'step_slug', 'strict', 'status', 'failed', 'error_message', 'Condition not met'),
  'step:failed says Condition not met'
);
select is(
  pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) - 'id' - 'failed_at',
  jsonb_build_object('event_type', 'run:failed', 'run_id', :'run_id', 'flow_slug', 'cond_fail',
                     'status', 'failed', 'error_message', 'Condition not met'),
  'run:failed says Condition not met'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid), 0, 'no step is started');

select * from finish();
rollback;
