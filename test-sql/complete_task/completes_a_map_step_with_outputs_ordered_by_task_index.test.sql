begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[10, 20, 30]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);

select count(*) from pgflow.complete_task(:'run_id', 'm', 2, '"c"'::jsonb);
select count(*) from pgflow.complete_task(:'run_id', 'm', 0, 'null'::jsonb);
select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('started', 1, null::jsonb)::text,
  'a partly completed map has no output'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 0, 'and no step:completed event');

select count(*) from pgflow.complete_task(:'run_id', 'm', 1, '{"b": 1}'::jsonb);
select is(
  (select row(status, remaining_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('completed', 0)::text,
  'the last task completes the map'
);
select is(
  (select output from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  '[null, {"b": 1}, "c"]'::jsonb,
  'the output is ordered by task_index, not by completion order'
);
select is(
  (select output from pgflow.runs where run_id = :'run_id'),
  '{"m": [null, {"b": 1}, "c"]}'::jsonb,
  'the run output holds the aggregated array'
);

select * from finish();
rollback;
