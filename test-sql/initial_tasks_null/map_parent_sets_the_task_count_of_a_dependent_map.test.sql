begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('map_map');
select pgflow.add_step('map_map', 'first', step_type => 'map');
select pgflow.add_step('map_map', 'second', array['first'], step_type => 'map');
select run_id from pgflow.start_flow('map_map', '[1, 2, 3]'::jsonb) \gset

select is((select initial_tasks from pgflow.step_states where step_slug = 'second'), null,
  'the dependent map waits with NULL');

select pgflow_tests.read_and_start('map_map', 5, 10);
select pgflow.complete_task(:'run_id', 'first', i, to_jsonb(i)) from generate_series(0, 2) as i;

select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where step_slug = 'second'),
  row('started', 3)::text,
  'it gets the parent map''s task count'
);

select * from finish();
rollback;
