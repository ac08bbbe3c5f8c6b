begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
update pgflow.step_tasks set message_id = null where run_id = :'run_id';

select lives_ok(format('select pgflow._end_active_tasks(%L, null, %L)', :'run_id', 'cancelled'), 'a task without message is no error');
select is((select status from pgflow.step_tasks where run_id = :'run_id'), 'cancelled', 'it is ended all the same');

select * from finish();
rollback;
