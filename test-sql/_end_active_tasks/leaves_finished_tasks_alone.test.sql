begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'm', step_type => 'map', when_exhausted => 'skip');
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.complete_task(:'run_id', 'm', 0, '"ok"'::jsonb);
update pgflow.step_tasks set status = 'failed', failed_at = now(), error_message = 'x'
 where run_id = :'run_id' and task_index = 1;
select count(*) as before_archived from pgmq.a_f \gset

select pgflow._end_active_tasks(:'run_id', null, 'cancelled');
select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array['completed', 'failed', 'cancelled'],
  'completed and failed tasks keep their status'
);
select is(
  (select output from pgflow.step_tasks where run_id = :'run_id' and task_index = 0),
  '"ok"'::jsonb,
  'the completed task keeps its output'
);
select is((select count(*)::int from pgmq.a_f), :before_archived::int + 1, 'only the active message is archived');

select * from finish();
rollback;
