begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select row(status, initial_tasks, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('completed', 0, '[]'::jsonb)::text,
  'the map over a skipped dependency completes with []'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'no task at all');
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{"m": []}'::jsonb)::text,
  'the run completes inside start_flow'
);
select is(
  (pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm')) -> 'output',
  '[]'::jsonb,
  'step:completed carries []'
);

select * from finish();
rollback;
