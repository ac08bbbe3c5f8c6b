begin;
select plan(3);
select pgflow_tests.reset_db();
-- defect 7: upstream leaves sibling tasks of a failed run 'queued'/'started' forever
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 3);
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');

select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and status in ('queued', 'started')),
  0,
  'no task of the failed run is queued or started'
);
select is(
  (select array_agg(status order by step_slug, task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array['failed', 'cancelled', 'cancelled', 'cancelled', 'cancelled'],
  'the failing task is failed, every other one cancelled'
);
select is((select count(*)::int from pgmq.q_f), 0, 'their messages are archived');

select * from finish();
rollback;
