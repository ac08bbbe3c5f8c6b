begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"test": "input"}'::jsonb) \gset

select is(pgflow_tests.count_realtime_events('run:started', :'run_id'::uuid), 1, 'one run:started event');
select is(
  (select array_agg(k order by k) from jsonb_object_keys(pgflow_tests.find_realtime_event('run:started', :'run_id'::uuid)) as k),
  array['event_type', 'flow_slug', 'id', 'input', 'remaining_steps', 'run_id', 'started_at', 'status'],
  'the payload has exactly the run:started keys'
);
select is(
  pgflow_tests.find_realtime_event('run:started', :'run_id'::uuid) - 'id' - 'started_at',
  jsonb_build_object('event_type', 'run:started', 'run_id', :'run_id', 'flow_slug', 'sequential',
                     'input', '{"test": "input"}'::jsonb, 'status', 'started', 'remaining_steps', 3),
  'the payload values describe the new run'
);
select is(
  (pgflow_tests.find_realtime_event('run:started', :'run_id'::uuid) ->> 'started_at')::timestamptz,
  (select started_at from pgflow.runs where run_id = :'run_id'),
  'started_at is the run''s started_at'
);
select is(
  (select row(m.event, m.topic, m.extension)::text from pgflow_tests.get_realtime_message('run:started', :'run_id'::uuid) m),
  row('run:started', 'pgflow:run:' || :'run_id', 'broadcast')::text,
  'event name run:started on topic pgflow:run:<run_id>'
);
select ok(
  (select (m.payload ->> 'id')::uuid is not null from pgflow_tests.get_realtime_message('run:started', :'run_id'::uuid) m),
  'the payload has a uuid id'
);

select * from finish();
rollback;
