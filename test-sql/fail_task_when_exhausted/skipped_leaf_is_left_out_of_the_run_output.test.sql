begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'ok_leaf');
select pgflow.add_step('f', 'bad_leaf', when_exhausted => 'skip');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'bad_leaf', 0, 'boom');
select count(*) from pgflow.complete_task(:'run_id', 'ok_leaf', 0, '"fine"'::jsonb);

select is((select status from pgflow.runs where run_id = :'run_id'), 'completed', 'the run completed');
select is((select output from pgflow.runs where run_id = :'run_id'), '{"ok_leaf": "fine"}'::jsonb, 'only the completed leaf is in the output');

select * from finish();
rollback;
