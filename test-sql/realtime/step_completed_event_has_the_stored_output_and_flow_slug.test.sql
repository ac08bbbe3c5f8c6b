begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('sequential', 5, 1);
select pgflow.complete_task(:'run_id', 'first', 0, '{"result": "ok"}'::jsonb);

select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'first'), 1, 'one step:completed event');
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'first')) as k),
  array['completed_at', 'event_type', 'flow_slug', 'id', 'output', 'run_id', 'status', 'step_slug'],
  'the payload has exactly the step:completed keys'
);
select is(
  pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'first') - 'id' - 'completed_at',
  jsonb_build_object('event_type', 'step:completed', 'run_id', :'run_id', 'flow_slug', 'sequential',
                     'step_slug', 'first', 'status', 'completed', 'output', '{"result": "ok"}'::jsonb),
  'the payload carries the stored output'
);
select is(
  (pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'first') ->> 'completed_at')::timestamptz,
  (select completed_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  'completed_at is the step''s completed_at'
);
select is(
  (select m.event from pgflow_tests.get_realtime_message('step:completed', :'run_id'::uuid, 'first') m),
  'step:first:completed',
  'event name step:<slug>:completed'
);

select * from finish();
rollback;
