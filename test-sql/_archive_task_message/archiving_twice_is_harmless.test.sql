begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select pgflow._archive_task_message(:'run_id', 'a', 0);

select lives_ok(format('select pgflow._archive_task_message(%L, %L, 0)', :'run_id', 'a'), 'a second archive does not raise');
select is((select count(*)::int from pgmq.a_f), 1, 'the message is archived once');

select * from finish();
rollback;
