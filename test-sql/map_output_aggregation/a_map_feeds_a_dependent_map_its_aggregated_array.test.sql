begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'double', step_type => 'map');
select pgflow.add_step('agg', 'square', array['double'], step_type => 'map');
select run_id from pgflow.start_flow('agg', '[1, 2, 3]'::jsonb) \gset

select pgflow.complete_task(t.run_id, t.step_slug, t.task_index, to_jsonb(t.input::int * 2))
  from pgflow_tests.read_and_start('agg', 5, 10) as t;
select is((select output from pgflow.step_states where step_slug = 'double'), '[2, 4, 6]'::jsonb, 'the first map aggregates');

select pgflow.complete_task(t.run_id, t.step_slug, t.task_index, to_jsonb(t.input::int * t.input::int))
  from pgflow_tests.read_and_start('agg', 5, 10) as t;
select is((select output from pgflow.step_states where step_slug = 'square'), '[4, 16, 36]'::jsonb,
  'the second map works on the elements of the first map''s array');
select is((select output from pgflow.runs), '{"square": [4, 16, 36]}'::jsonb, 'the run output is the leaf map array');

select * from finish();
rollback;
