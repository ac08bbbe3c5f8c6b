begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select pgflow.add_step('f', 'other');
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset
-- m[0], m[1] started; m[2] and other queued
select count(*) from pgflow_tests.read_and_start('f', 1, 2);

select is(pgflow._cascade_force_skip_steps(:'run_id', 'm', 'handler_failed'), 1, 'the started map step is skipped');
-- defect 7: upstream leaves these tasks 'started'/'queued' and only archives their messages
select is(
  (select array_agg(status order by task_index) from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'),
  array['skipped', 'skipped', 'skipped'],
  'its queued and started tasks are skipped'
);
select is(
  (select count(*)::int from pgmq.a_f a join pgflow.step_tasks t on t.message_id = a.msg_id where t.step_slug = 'm'),
  3,
  'their messages are archived'
);
select is(
  (select row(t.status, q.msg_id is not null)::text from pgflow.step_tasks t left join pgmq.q_f q on q.msg_id = t.message_id
    where t.run_id = :'run_id' and t.step_slug = 'other'),
  row('queued', true)::text,
  'the task of another step keeps its status and message'
);
select is(
  (select row(status, remaining_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('skipped', null::int)::text,
  'the skipped step has no remaining tasks'
);

select * from finish();
rollback;
