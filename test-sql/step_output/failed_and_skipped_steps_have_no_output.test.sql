begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('no_out', max_attempts => 1);
select pgflow.add_step('no_out', 'm', step_type => 'map');
select pgflow.add_step('no_out', 'skipped_one', when_exhausted => 'skip');
select run_id from pgflow.start_flow('no_out', '[1, 2]'::jsonb) \gset
select pgflow_tests.read_and_start('no_out', 5, 10);

select pgflow.fail_task(:'run_id', 'skipped_one', 0, 'skip me');
select ok(
  (select status = 'skipped' and output is null from pgflow.step_states where step_slug = 'skipped_one'),
  'a skipped step has no output'
);

select pgflow.complete_task(:'run_id', 'm', 0, '"done"'::jsonb);
select pgflow.fail_task(:'run_id', 'm', 1, 'boom');
select ok(
  (select status = 'failed' and output is null from pgflow.step_states where step_slug = 'm'),
  'a failed map has no output even when some tasks completed'
);
select is(
  (select output from pgflow.step_tasks where step_slug = 'm' and task_index = 0),
  '"done"'::jsonb,
  'the completed task keeps its own output'
);

select * from finish();
rollback;
