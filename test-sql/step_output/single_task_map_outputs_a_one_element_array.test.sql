begin;
select plan(1);

select pgflow_tests.reset_db();
select pgflow.create_flow('one_elem');
select pgflow.add_step('one_elem', 'm', step_type => 'map');
select run_id from pgflow.start_flow('one_elem', '["only"]'::jsonb) \gset
select pgflow_tests.read_and_start('one_elem', 5, 1);
select pgflow.complete_task(:'run_id', 'm', 0, '{"v": 1}'::jsonb);

select is((select output from pgflow.step_states), '[{"v": 1}]'::jsonb, 'a one-task map outputs a one-element array');

select * from finish();
rollback;
