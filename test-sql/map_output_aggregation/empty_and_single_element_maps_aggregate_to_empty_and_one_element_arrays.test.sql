begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id as empty_run from pgflow.start_flow('agg', '[]'::jsonb) \gset
select run_id as one_run from pgflow.start_flow('agg', '["only"]'::jsonb) \gset

select pgflow.complete_task(:'one_run', 'm', 0, '"done"'::jsonb) from pgflow_tests.read_and_start('agg', 5, 1);

select is((select output from pgflow.step_states where run_id = :'empty_run'), '[]'::jsonb, 'an empty map aggregates to []');
select is((select output from pgflow.step_states where run_id = :'one_run'), '["done"]'::jsonb,
  'a one-task map aggregates to a one-element array');

select * from finish();
rollback;
