begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('dup');
select pgflow.add_step('dup', 'm', step_type => 'map');
select pgflow.add_step('dup', 'single');
select run_id from pgflow.start_flow('dup', '[1, 2]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('dup', 1, 10);

-- a single step: the duplicate arrives after the step completed (late-callback guard)
select count(*) from pgflow.complete_task(:'run_id', 'single', 0, '"first"'::jsonb);
select is(
  (select output from pgflow.complete_task(:'run_id', 'single', 0, '"second"'::jsonb)),
  '"first"'::jsonb,
  'a duplicate completion returns the first output'
);
select is(
  (select output from pgflow.step_states where run_id = :'run_id' and step_slug = 'single'),
  '"first"'::jsonb,
  'the step keeps the first output'
);

-- a map task: the duplicate arrives while the step is still started
select count(*) from pgflow.complete_task(:'run_id', 'm', 0, '"a"'::jsonb);
select is(
  (select row(status, output)::text from pgflow.complete_task(:'run_id', 'm', 0, '"b"'::jsonb)),
  row('completed', '"a"'::jsonb)::text,
  'a duplicate map task completion keeps the first output'
);
select is(
  (select row(status, remaining_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('started', 1)::text,
  'the map step did not count the duplicate'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'remaining_steps counted single once');
select is(
  pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'single'),
  1,
  'step:completed was broadcast once'
);

select * from finish();
rollback;
