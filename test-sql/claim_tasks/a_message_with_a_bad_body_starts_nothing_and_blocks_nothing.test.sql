-- claim_tasks finds a message's task by the key in its body (pgflow-sql.md §5) and by message_id.
-- A message that is not a task's (sent by hand, or with a malformed body) starts nothing, does
-- not make the claim fail, and is hidden for the read's vt like any message whose task cannot
-- start; the tasks around it are claimed.
begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');

select pgmq.send('sequential', '{"run_id": "not-a-uuid", "step_slug": "first", "task_index": "x"}'::jsonb);
select pgmq.send('sequential', '{"hello": "world"}'::jsonb);
select pgflow.start_flow('sequential', '{}'::jsonb);
-- the right key with another message's id: the task row is the source of truth
select pgmq.send('sequential', (select jsonb_build_object('flow_slug', 'sequential', 'run_id', t.run_id,
  'step_slug', t.step_slug, 'task_index', 99999999999) from pgflow.step_tasks as t));

create temporary table claimed on commit drop as
  select * from pgflow.claim_tasks('sequential', 7, 10, '11111111-1111-1111-1111-111111111111');

select is((select count(*)::int from claimed), 1, 'the one real task is claimed');
select is((select step_slug from claimed), 'first', 'it is the flow''s first task');
select is(
  (select count(*)::int from pgmq.q_sequential
    where msg_id <> (select msg_id from claimed)
      and read_ct = 1
      and vt between clock_timestamp() + interval '5 seconds' and clock_timestamp() + interval '8 seconds'),
  3,
  'the three other messages are read and hidden for the read''s vt'
);
select is((select attempts_count from pgflow.step_tasks), 1, 'the task is started once');

select * from finish();
rollback;
