begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'single_leaf');
select pgflow.add_step('agg', 'map_leaf', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[1, 2, 3]'::jsonb) \gset

select pgflow.complete_task(t.run_id, t.step_slug, t.task_index,
                            case when t.step_slug = 'map_leaf' then to_jsonb(t.input::int * 10) else '"s"'::jsonb end)
  from pgflow_tests.read_and_start('agg', 5, 10) as t;

select is((select status from pgflow.runs), 'completed', 'the run completes');
select is((select output from pgflow.runs), '{"map_leaf": [10, 20, 30], "single_leaf": "s"}'::jsonb,
  'the run output holds the leaf map array');

select * from finish();
rollback;
