begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
update pgflow.step_tasks set message_id = null where run_id = :'run_id';

select lives_ok(format('select pgflow._archive_task_message(%L, %L, 0)', :'run_id', 'a'), 'a NULL message_id is not an error');
select is((select count(*)::int from pgmq.a_f), 0, 'nothing is archived');

select * from finish();
rollback;
