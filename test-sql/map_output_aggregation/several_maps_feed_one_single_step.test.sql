begin;
select plan(1);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'map_a', step_type => 'map');
select pgflow.add_step('agg', 'map_b', step_type => 'map');
select pgflow.add_step('agg', 'joined', array['map_a', 'map_b']);
select run_id from pgflow.start_flow('agg', '[1, 2]'::jsonb) \gset

select pgflow.complete_task(t.run_id, t.step_slug, t.task_index,
                            to_jsonb(t.step_slug || ':' || (t.input #>> '{}')))
  from pgflow_tests.read_and_start('agg', 5, 10) as t;

select is(
  (select input from pgflow_tests.read_and_start('agg', 5, 1)),
  '{"map_a": ["map_a:1", "map_a:2"], "map_b": ["map_b:1", "map_b:2"]}'::jsonb,
  'the single step gets both aggregated arrays'
);

select * from finish();
rollback;
