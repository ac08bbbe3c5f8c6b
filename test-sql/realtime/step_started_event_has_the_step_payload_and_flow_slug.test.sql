-- Defect 14: every step event carries flow_slug.
begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow.create_flow('started_events');
select pgflow.add_step('started_events', 'm', step_type => 'map');
select pgflow.add_step('started_events', 'after', array['m']);
select run_id from pgflow.start_flow('started_events', '[1, 2, 3]'::jsonb) \gset

select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'm'), 1, 'one step:started event for m');
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('step:started', :'run_id'::uuid, 'm')) as k),
  array['event_type', 'flow_slug', 'id', 'remaining_deps', 'remaining_tasks', 'run_id', 'started_at', 'status', 'step_slug'],
  'the payload has exactly the step:started keys'
);
select is(
  pgflow_tests.find_realtime_event('step:started', :'run_id'::uuid, 'm') - 'id' - 'started_at',
  jsonb_build_object('event_type', 'step:started', 'run_id', :'run_id', 'flow_slug', 'started_events',
                     'step_slug', 'm', 'status', 'started', 'remaining_tasks', 3, 'remaining_deps', 0),
  'the payload values describe the started step'
);
select is(
  (pgflow_tests.find_realtime_event('step:started', :'run_id'::uuid, 'm') ->> 'started_at')::timestamptz,
  (select started_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  'started_at is the step''s started_at'
);
select is(
  (select row(m.event, m.topic)::text from pgflow_tests.get_realtime_message('step:started', :'run_id'::uuid, 'm') m),
  row('step:m:started', 'pgflow:run:' || :'run_id')::text,
  'event name step:<slug>:started on the run topic'
);

select * from finish();
rollback;
