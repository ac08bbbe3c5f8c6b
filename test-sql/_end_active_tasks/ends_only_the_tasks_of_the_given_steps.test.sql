begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select pgflow.add_step('f', 'c');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select pgflow._end_active_tasks(:'run_id', array['a', 'c'], 'skipped');
select is(
  (select array_agg(status order by step_slug) from pgflow.step_tasks where run_id = :'run_id'),
  array['skipped', 'queued', 'skipped'],
  'only the listed steps are ended, with the given status'
);
select is(
  (select array_agg(t.step_slug order by t.step_slug) from pgmq.a_f a join pgflow.step_tasks t on t.message_id = a.msg_id),
  array['a', 'c'],
  'only their messages are archived'
);
select is((select count(*)::int from pgmq.q_f), 1, 'the other message stays');

select * from finish();
rollback;
