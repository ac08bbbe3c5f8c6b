begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'm', step_type => 'map', when_exhausted => 'skip');
select pgflow.add_step('f', 'other');
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset
-- task 0 of m and task 1 of m started, task 2 of m and other still queued
select count(*) from pgflow_tests.read_and_start('f', 1, 2);
select count(*) from pgflow.fail_task(:'run_id', 'm', 0, 'boom');

-- defect 7: upstream leaves the siblings queued/started; ours marks them skipped with their step
select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'),
  array['failed', 'skipped', 'skipped'],
  'the failing task is failed and its siblings are skipped'
);
select is(
  (select count(*)::int from pgmq.q_f q join pgflow.step_tasks t on t.message_id = q.msg_id
    where t.run_id = :'run_id' and t.step_slug = 'm'),
  0,
  'no message of the map is left in the queue'
);
select is(
  (select count(*)::int from pgmq.a_f a join pgflow.step_tasks t on t.message_id = a.msg_id
    where t.run_id = :'run_id' and t.step_slug = 'm'),
  3,
  'all three map messages are archived'
);
select is(
  (select status from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'other'),
  'queued',
  'the task of another step is untouched'
);
select is(
  (select count(*)::int from pgmq.q_f q join pgflow.step_tasks t on t.message_id = q.msg_id where t.step_slug = 'other'),
  1,
  'and keeps its message'
);

select * from finish();
rollback;
