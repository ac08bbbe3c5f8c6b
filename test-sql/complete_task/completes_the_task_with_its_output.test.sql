begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"x": 1}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('sequential');

create temp table returned on commit drop as
  select * from pgflow.complete_task(:'run_id', 'first', 0, '{"result": 42}'::jsonb);

select is((select status from returned), 'completed', 'the returned row is completed');
select is((select output from returned), '{"result": 42}'::jsonb, 'the returned row carries the output');
select is(
  (select row(status, output, error_message, attempts_count)::text from pgflow.step_tasks
    where run_id = :'run_id' and step_slug = 'first' and task_index = 0),
  row('completed', '{"result": 42}'::jsonb, null::text, 1)::text,
  'the stored task is completed with its output'
);
select is(
  (select completed_at from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'first'),
  now(),
  'completed_at is the transaction time'
);
select ok(
  (select completed_at >= started_at and failed_at is null from pgflow.step_tasks
    where run_id = :'run_id' and step_slug = 'first'),
  'completed_at is not before started_at and failed_at stays NULL'
);

select * from finish();
rollback;
