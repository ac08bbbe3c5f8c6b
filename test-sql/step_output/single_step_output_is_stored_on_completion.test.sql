begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('sequential', 5, 1);

select is((select output from pgflow.step_states where step_slug = 'first'), null, 'a started step has no output');
select pgflow.complete_task(:'run_id', 'first', 0, '{"answer": 42, "list": [1, 2]}'::jsonb);
select is(
  (select output from pgflow.step_states where step_slug = 'first'),
  '{"answer": 42, "list": [1, 2]}'::jsonb,
  'the completed step stores the task output'
);
select is(
  (select output from pgflow.step_tasks where step_slug = 'first'),
  '{"answer": 42, "list": [1, 2]}'::jsonb,
  'the task keeps its own output'
);

select * from finish();
rollback;
