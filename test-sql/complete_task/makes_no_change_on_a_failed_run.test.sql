begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('two', max_attempts => 1);
select pgflow.add_step('two', 'root_a');
select pgflow.add_step('two', 'root_b');
select run_id from pgflow.start_flow('two', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('two', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'root_a', 0, 'boom');

-- defect 7: upstream leaves root_b's task 'started'; ours cancelled it when the run failed
select is(
  (select row(status, output, attempts_count)::text from pgflow.complete_task(:'run_id', 'root_b', 0, '{"late": true}'::jsonb)),
  row('cancelled', null::jsonb, 1)::text,
  'the sibling task stays cancelled, without output'
);
select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'root_b'),
  row('started', 1, null::jsonb)::text,
  'the sibling step is not completed'
);
select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', 2)::text,
  'the run stays failed with its counters'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 0, 'no step:completed event');

-- the failed-run guard also protects a task that is (by hand) still started
update pgflow.step_tasks set status = 'started' where run_id = :'run_id' and step_slug = 'root_b';
select is(
  (select row(status, output)::text from pgflow.complete_task(:'run_id', 'root_b', 0, '{"late": true}'::jsonb)),
  row('started', null::jsonb)::text,
  'a started task of a failed run is returned unchanged'
);
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 0, 'the run never completes');

select * from finish();
rollback;
