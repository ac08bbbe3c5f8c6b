begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('two_maps');
select pgflow.add_step('two_maps', 'map_a', step_type => 'map');
select pgflow.add_step('two_maps', 'map_b', step_type => 'map');

select run_id from pgflow.start_flow('two_maps', '["x", "y"]'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status, initial_tasks, remaining_tasks)::text order by step_slug)
     from pgflow.step_states where run_id = :'run_id'),
  array[row('map_a', 'started', 2, 2)::text, row('map_b', 'started', 2, 2)::text],
  'both root maps start with one task per element'
);
select is(
  (select array_agg(row(step_slug, task_index)::text order by step_slug, task_index)
     from pgflow.step_tasks where run_id = :'run_id'),
  array[row('map_a', 0)::text, row('map_a', 1)::text, row('map_b', 0)::text, row('map_b', 1)::text],
  'each map gets tasks 0 and 1'
);
select is((select count(*)::int from pgmq.q_two_maps), 4, 'four messages are sent');

select * from finish();
rollback;
