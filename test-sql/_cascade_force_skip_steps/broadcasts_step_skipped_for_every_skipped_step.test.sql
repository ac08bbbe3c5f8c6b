begin;
select plan(8);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet');

select pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'a') as a_event \gset
select pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'b') as b_event \gset
select is((:'a_event'::jsonb) ->> 'status', 'skipped', 'status skipped');
select is((:'a_event'::jsonb) ->> 'skip_reason', 'condition_unmet', 'the given step carries the given reason');
select is((:'b_event'::jsonb) ->> 'skip_reason', 'dependency_skipped', 'a descendant carries dependency_skipped');
select is((:'a_event'::jsonb) ->> 'flow_slug', 'f', 'flow_slug is set');
select is((:'a_event'::jsonb) ->> 'run_id', :'run_id', 'run_id is set');
select is(
  ((:'b_event'::jsonb) ->> 'skipped_at')::timestamptz,
  (select skipped_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  'skipped_at matches the step'
);
select is(
  (select row(event, topic)::text from pgflow_tests.get_realtime_message('step:skipped', :'run_id'::uuid, 'b')),
  row('step:b:skipped', 'pgflow:run:' || :'run_id')::text,
  'the event is named step:<slug>:skipped on the run topic'
);
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 2, 'two events');

select * from finish();
rollback;
