begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots_left_right');
select run_id from pgflow.start_flow('two_roots_left_right', '{}'::jsonb) \gset

select pgflow_tests.read_and_start('two_roots_left_right', 5, 10);
select pgflow.complete_task(:'run_id', 'connected_root', 0, '"c"'::jsonb);
select pgflow.complete_task(:'run_id', 'disconnected_root', 0, '"d"'::jsonb);
select pgflow_tests.read_and_start('two_roots_left_right', 5, 10);
select pgflow.complete_task(:'run_id', 'left', 0, '"l"'::jsonb);
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 0, 'no run:completed before the last step');
select pgflow.complete_task(:'run_id', 'right', 0, '"r"'::jsonb);

select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 1, 'one run:completed event');
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid)) as k),
  array['completed_at', 'event_type', 'flow_slug', 'id', 'output', 'run_id', 'status'],
  'the payload has exactly the run:completed keys'
);
select is(
  pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid) - 'id' - 'completed_at',
  jsonb_build_object('event_type', 'run:completed', 'run_id', :'run_id', 'flow_slug', 'two_roots_left_right',
                     'status', 'completed',
                     'output', '{"disconnected_root": "d", "left": "l", "right": "r"}'::jsonb),
  'the output holds the leaf step outputs only'
);
select is(
  (select m.event from pgflow_tests.get_realtime_message('run:completed', :'run_id'::uuid) m),
  'run:completed',
  'event name run:completed'
);

select * from finish();
rollback;
