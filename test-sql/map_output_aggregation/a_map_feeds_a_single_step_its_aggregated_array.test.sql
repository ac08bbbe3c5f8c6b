begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select pgflow.add_step('agg', 'summary', array['m']);
select run_id from pgflow.start_flow('agg', '["x", "y"]'::jsonb) \gset

select pgflow.complete_task(t.run_id, t.step_slug, t.task_index, to_jsonb(upper(t.input #>> '{}')))
  from pgflow_tests.read_and_start('agg', 5, 10) as t;

create temp table started on commit drop as select * from pgflow_tests.read_and_start('agg', 5, 1);
select is((select step_slug from started), 'summary', 'the single step starts after the map');
select is((select input from started), '{"m": ["X", "Y"]}'::jsonb, 'its input holds the aggregated array');

select * from finish();
rollback;
