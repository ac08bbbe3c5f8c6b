begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

-- defect 13: the task of a was never started, so there is nothing to fail
select is(
  (select row(status, error_message, output)::text from pgflow.complete_task(:'run_id', 'a', 0, '{"x": 1}'::jsonb)),
  row('queued', null::text, null::jsonb)::text,
  'a queued task is returned unchanged'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'the run is still started');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'started',
  'the step is still started'
);
select is(pgflow_tests.count_realtime_events('run:failed', :'run_id'::uuid), 0, 'no run:failed event');

select * from finish();
rollback;
