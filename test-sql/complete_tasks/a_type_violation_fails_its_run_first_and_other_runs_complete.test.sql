begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id as bad from pgflow.start_flow('f', '{}'::jsonb) \gset
select run_id as good from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 30, 10);

-- In the bad run, b is listed before the violating a: the violation is taken first, so b
-- belongs to a failed run and changes nothing.
select count(*) from pgflow.complete_tasks(
  array[:'bad', :'bad', :'good', :'good']::uuid[], array['b', 'a', 'a', 'b'], array[0, 0, 0, 0],
  array['"ok"'::jsonb, '{"not": "an array"}'::jsonb, '[1, 2]'::jsonb, '"ok"'::jsonb]);

select is(
  (select row(status)::text from pgflow.runs where run_id = :'bad'),
  row('failed')::text,
  'the violation fails its run'
);
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_tasks where run_id = :'bad'),
  array[row('a', 'failed')::text, row('b', 'cancelled')::text],
  'the violating task fails, and the run''s other task is cancelled with it, not completed'
);
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_states where run_id = :'good'),
  array[row('a', 'completed')::text, row('b', 'completed')::text, row('m', 'started')::text],
  'the other run completes both tasks and starts its map'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'good' and step_slug = 'm'),
  2,
  'with one task per element of the array'
);

select * from finish();
rollback;
