-- Defect 7: tasks of a failed run are 'cancelled', tasks of a skipped step are 'skipped'; neither
-- can be started again.
begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow_tests.ensure_worker('ended');
select pgflow_tests.ensure_worker('skipping');

-- A failed run: the siblings of the exhausted task are cancelled.
select pgflow.create_flow('ended', max_attempts => 1);
select pgflow.add_step('ended', 'm', step_type => 'map');
select run_id from pgflow.start_flow('ended', '[1, 2, 3]'::jsonb) \gset
select array_agg(message_id order by task_index) as ids from pgflow.step_tasks where run_id = :'run_id' \gset

select pgflow.start_tasks('ended', (select array_agg(message_id) from pgflow.step_tasks where task_index = 0),
                          '11111111-1111-1111-1111-111111111111'::uuid);
select pgflow.fail_task(:'run_id', 'm', 0, 'boom');

select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array['failed', 'cancelled', 'cancelled'],
  'the siblings of the failed task are cancelled'
);
select is(
  (select count(*)::int from pgflow.start_tasks('ended', :'ids'::bigint[], '11111111-1111-1111-1111-111111111111'::uuid)),
  0,
  'cancelled tasks are not started'
);
select is(
  (select array_agg(attempts_count order by task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array[1, 0, 0],
  'no attempt is counted'
);

-- A skipped step: its other tasks are skipped.
select pgflow.create_flow('skipping', max_attempts => 1);
select pgflow.add_step('skipping', 'm', step_type => 'map', when_exhausted => 'skip');
select run_id as skip_run from pgflow.start_flow('skipping', '[1, 2, 3]'::jsonb) \gset
select array_agg(message_id order by task_index) as skip_ids from pgflow.step_tasks where run_id = :'skip_run' \gset

select pgflow.start_tasks('skipping',
  (select array_agg(message_id) from pgflow.step_tasks where run_id = :'skip_run' and task_index = 1),
  '11111111-1111-1111-1111-111111111111'::uuid);
select pgflow.fail_task(:'skip_run', 'm', 1, 'boom');

select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'skip_run'),
  array['skipped', 'failed', 'skipped'],
  'the other tasks of the skipped step are skipped'
);
select is(
  (select count(*)::int from pgflow.start_tasks('skipping', :'skip_ids'::bigint[], '11111111-1111-1111-1111-111111111111'::uuid)),
  0,
  'skipped tasks are not started'
);
select is(
  (select status from pgflow.runs where run_id = :'skip_run'),
  'completed',
  'the run completes with no task left active'
);

select * from finish();
rollback;
