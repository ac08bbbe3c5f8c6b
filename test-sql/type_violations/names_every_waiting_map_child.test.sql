-- Defect 13: upstream names only the first offending child map (LIMIT 1).
begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('tv_many');
select pgflow.add_step('tv_many', 'producer');
select pgflow.add_step('tv_many', 'map_a', array['producer'], step_type => 'map');
select pgflow.add_step('tv_many', 'single_child', array['producer']);
select pgflow.add_step('tv_many', 'map_b', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('tv_many', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('tv_many', 5, 1);

select pgflow.complete_task(:'run_id', 'producer', 0, '{"x": 1}'::jsonb);

select is(
  (select error_message from pgflow.step_states where step_slug = 'producer'),
  '[TYPE_VIOLATION] Map steps map_a, map_b expect array input but dependency producer produced object',
  'the step error names every waiting map child'
);
select is(
  (select error_message from pgflow.step_tasks where step_slug = 'producer'),
  '[TYPE_VIOLATION] Produced object instead of array',
  'the task error is unchanged'
);
select is(
  (select array_agg(row(step_slug, status, initial_tasks, remaining_deps)::text order by step_slug)
     from pgflow.step_states where step_slug <> 'producer'),
  array[row('map_a', 'created', null, 1)::text, row('map_b', 'created', null, 1)::text,
        row('single_child', 'created', 1, 1)::text],
  'children are left untouched'
);

select * from finish();
rollback;
