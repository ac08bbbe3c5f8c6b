begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_complete('f');

select lives_ok(format('select pgflow._end_active_tasks(%L, null, %L)', :'run_id', 'cancelled'), 'no active task is no error');
select is((select status from pgflow.step_tasks where run_id = :'run_id'), 'completed', 'the completed task is unchanged');

select * from finish();
rollback;
