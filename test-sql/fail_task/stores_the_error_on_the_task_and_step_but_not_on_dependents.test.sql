begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'Something went wrong');

select is(
  (select error_message from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'),
  'Something went wrong',
  'the task keeps the error'
);
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'Something went wrong',
  'the step keeps the error'
);
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  null,
  'the dependent has no error'
);

select * from finish();
rollback;
