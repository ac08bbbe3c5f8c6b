begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[1, 2, 3, 4]'::jsonb) \gset
-- tasks 0 and 1 started, 2 and 3 still queued
select count(*) from pgflow_tests.read_and_start('f', 1, 2);
select count(*) from pgflow.fail_task(:'run_id', 'm', 0, 'boom');

-- defect 7: upstream keeps the siblings 'started'/'queued' and only archives their messages
select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array['failed', 'cancelled', 'cancelled', 'cancelled'],
  'the failing task is failed and every sibling is cancelled'
);
select is((select count(*)::int from pgmq.q_f), 0, 'no sibling message is left in the queue');
select is((select count(*)::int from pgmq.a_f), 4, 'all four messages are archived');
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and status = 'cancelled' and failed_at is null
      and completed_at is null and error_message is null),
  3,
  'cancelled tasks get no failure timestamp or error'
);

select * from finish();
rollback;
