begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', step_type => 'map');
select run_id from pgflow.start_flow('f', '[1, 2]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 2);

-- defect 7: the tasks of a failed run get a terminal status instead of staying queued/started
select pgflow._end_active_tasks(:'run_id', null, 'cancelled');
select is(
  (select array_agg(row(step_slug, task_index, status)::text order by step_slug, task_index) from pgflow.step_tasks
    where run_id = :'run_id'),
  array[row('a', 0, 'cancelled')::text, row('m', 0, 'cancelled')::text, row('m', 1, 'cancelled')::text],
  'queued and started tasks of every step are cancelled'
);
select is((select count(*)::int from pgmq.q_f), 0, 'no message is left in the queue');
select is((select count(*)::int from pgmq.a_f), 3, 'all messages are archived');

select * from finish();
rollback;
