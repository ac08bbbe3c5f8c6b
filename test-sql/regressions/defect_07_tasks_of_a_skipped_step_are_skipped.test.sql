begin;
select plan(4);
select pgflow_tests.reset_db();
-- defect 7: upstream leaves tasks under skipped steps 'queued'/'started', so a run can complete
-- with started tasks
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'm', step_type => 'map', when_exhausted => 'skip-cascade');
select pgflow.add_step('f', 'after', array['m']);
select pgflow.add_step('f', 'side');
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 2);
select count(*) from pgflow.fail_task(:'run_id', 'm', 0, 'boom');

select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'),
  array['failed', 'skipped', 'skipped'],
  'the siblings of the failed task are skipped with their step'
);
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.complete_task(:'run_id', 'side', 0, '"ok"'::jsonb);
select is((select status from pgflow.runs where run_id = :'run_id'), 'completed', 'the run completed');
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and status in ('queued', 'started')),
  0,
  'it has no queued or started task left'
);
select is((select count(*)::int from pgmq.q_f), 0, 'and no message in the queue');

select * from finish();
rollback;
