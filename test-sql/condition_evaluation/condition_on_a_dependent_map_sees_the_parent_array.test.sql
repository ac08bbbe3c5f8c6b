begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map', required_input_pattern => '{"a": [1]}');
select pgflow.add_step('f', 'm2', array['m'], step_type => 'map');
select run_id as met from pgflow.start_flow('f', '{}'::jsonb) \gset
select run_id as unmet from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.complete_task(:'met', 'a', 0, '[1, 2]'::jsonb);
select count(*) from pgflow.complete_task(:'unmet', 'a', 0, '[3]'::jsonb);

-- array containment: [1, 2] contains [1]
select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where run_id = :'met' and step_slug = 'm'),
  row('started', 2)::text,
  'the map whose parent array contains 1 starts with one task per element'
);
select is(
  (select row(status, skip_reason, initial_tasks)::text from pgflow.step_states where run_id = :'unmet' and step_slug = 'm'),
  row('skipped', 'condition_unmet', 1)::text,
  'the map whose parent array lacks 1 is skipped'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'unmet' and step_slug = 'm'), 0, 'the skipped map got no task');
select is(
  (select row(status, initial_tasks, output)::text from pgflow.step_states where run_id = :'unmet' and step_slug = 'm2'),
  row('completed', 0, '[]'::jsonb)::text,
  'its map child sees an empty array and completes with []'
);
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'unmet'),
  row('completed', '{"m2": []}'::jsonb)::text,
  'the unmet run completes'
);

select * from finish();
rollback;
