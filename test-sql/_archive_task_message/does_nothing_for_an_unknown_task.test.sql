begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select lives_ok(format('select pgflow._archive_task_message(%L, %L, 5)', :'run_id', 'a'), 'an unknown task_index is ignored');
select lives_ok(format('select pgflow._archive_task_message(%L, %L, 0)', gen_random_uuid(), 'a'), 'an unknown run is ignored');
select is((select count(*)::int from pgmq.q_f), 1, 'the queue is untouched');

select * from finish();
rollback;
