begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow.create_flow('empty_events');
select pgflow.add_step('empty_events', 'm', step_type => 'map');
select run_id from pgflow.start_flow('empty_events', '[]'::jsonb) \gset

select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'm'), 0, 'a taskless map sends no step:started');
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 1, 'it sends one step:completed');
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm')) as k),
  array['completed_at', 'event_type', 'flow_slug', 'id', 'output', 'remaining_deps', 'remaining_tasks',
        'run_id', 'started_at', 'status', 'step_slug'],
  'the cascade payload has exactly these keys'
);
select is(
  pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm') - 'id' - 'started_at' - 'completed_at',
  jsonb_build_object('event_type', 'step:completed', 'run_id', :'run_id', 'flow_slug', 'empty_events',
                     'step_slug', 'm', 'status', 'completed', 'output', '[]'::jsonb,
                     'remaining_tasks', 0, 'remaining_deps', 0),
  'output [] with remaining_tasks and remaining_deps 0'
);
select is(
  pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid) -> 'output',
  '{"m": []}'::jsonb,
  'the run completes with the empty map output'
);

select * from finish();
rollback;
