begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset

select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 3, 'a new run has 3 remaining steps');
select count(*) from pgflow_tests.poll_and_complete('sequential');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 2, 'one completed step leaves 2');
select count(*) from pgflow_tests.poll_and_complete('sequential');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'two completed steps leave 1');

select * from finish();
rollback;
