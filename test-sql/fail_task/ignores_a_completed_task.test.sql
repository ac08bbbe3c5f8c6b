begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[1, 2]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '"done"'::jsonb);
select count(*) from pgflow.complete_task(:'run_id', 'm', 0, '"done"'::jsonb);

-- the step of a is completed: late-callback guard
select is(
  (select row(status, output, error_message)::text from pgflow.fail_task(:'run_id', 'a', 0, 'late')),
  row('completed', '"done"'::jsonb, null::text)::text,
  'a late failure of a completed single step is ignored'
);
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'completed',
  'the step stays completed'
);
-- the map step is still started, but this task is completed
select is(
  (select row(status, output, error_message)::text from pgflow.fail_task(:'run_id', 'm', 0, 'late')),
  row('completed', '"done"'::jsonb, null::text)::text,
  'a late failure of a completed map task is ignored'
);
select is(
  (select row(status, remaining_tasks, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('started', 1, null::text)::text,
  'the map step is unchanged'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'the run is unchanged');

select * from finish();
rollback;
