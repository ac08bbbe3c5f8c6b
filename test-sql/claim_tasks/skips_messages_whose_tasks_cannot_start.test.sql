begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');

select pgflow.start_flow('sequential', '{}'::jsonb);
-- Start the task through the plain protocol, then make its message visible again.
select * from pgflow_tests.read_and_start('sequential');
select pgflow_tests.reset_message_visibility('sequential');

select is_empty(
  $$ select * from pgflow.claim_tasks('sequential', 5, 10, '11111111-1111-1111-1111-111111111111') $$,
  'a message whose task is already started yields nothing'
);
select is(
  (select attempts_count from pgflow.step_tasks),
  1,
  'and the task is not started twice'
);

select * from finish();
rollback;
