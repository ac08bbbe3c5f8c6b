begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select pgflow.add_step('f', 'm2', array['m'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select initial_tasks from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  null,
  'a dependent map starts with unknown initial_tasks'
);
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '["x", "y", "z"]'::jsonb);

select is(
  (select row(status, initial_tasks, remaining_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('started', 3, 3)::text,
  'the map got the array length and started'
);
select is(
  (select array_agg(task_index order by task_index) from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'),
  array[0, 1, 2],
  'one task per element'
);

-- map -> map: the child gets the parent's task count
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from generate_series(0, 2) as i, lateral pgflow.complete_task(:'run_id', 'm', i, to_jsonb(i));
select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm2'),
  row('started', 3)::text,
  'a map child of a map gets the parent''s task count'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm2' and status = 'queued'),
  3,
  'and queues that many tasks'
);

select * from finish();
rollback;
