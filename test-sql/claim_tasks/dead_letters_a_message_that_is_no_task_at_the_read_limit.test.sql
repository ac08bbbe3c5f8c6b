-- A message of a flow's queue that is no task of a run is read and hidden like any other until its
-- pgflow._poison_read_limit()-th read (5 by default), which moves it from the queue into
-- pgflow.dead_letters with the reason. Real tasks around it are claimed as usual.
begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');

select pgmq.send('sequential', '"a string"'::jsonb);
select pgmq.send('sequential', '{"run_id": "not-a-uuid", "step_slug": "first", "task_index": 0}'::jsonb);
select pgmq.send('sequential', '{"run_id": "00000000-0000-4000-8000-000000000009", "step_slug": "first"}'::jsonb);
select pgmq.send('sequential', '{"run_id": "00000000-0000-4000-8000-000000000009", "step_slug": "first", "task_index": 0}'::jsonb);

-- Reads 1 to 4 (vt 0: visible again at once) hide and count them.
select pgflow.claim_tasks('sequential', 0, 10, '11111111-1111-1111-1111-111111111111') from generate_series(1, 4);
select is((select count(*)::int from pgmq.q_sequential where read_ct = 4), 4, 'four reads leave them in the queue');
select is((select count(*)::int from pgflow.dead_letters), 0, 'and nothing is dead-lettered yet');

select pgflow.start_flow('sequential', '{}'::jsonb);
create temporary table claimed on commit drop as
  select * from pgflow.claim_tasks('sequential', 0, 10, '11111111-1111-1111-1111-111111111111');
select is((select step_slug from claimed), 'first', 'the fifth read claims the real task');
select results_eq(
  $$select queue_name, read_ct, message, reason from pgflow.dead_letters order by msg_id$$,
  $$values ('sequential', 5, '"a string"'::jsonb, 'not a task message: the body is string, not an object'),
           ('sequential', 5, '{"run_id": "not-a-uuid", "step_slug": "first", "task_index": 0}'::jsonb,
            'not a task message: run_id is missing or not a uuid'),
           ('sequential', 5, '{"run_id": "00000000-0000-4000-8000-000000000009", "step_slug": "first"}'::jsonb,
            'not a task message: task_index is missing or not a non-negative integer'),
           ('sequential', 5, '{"run_id": "00000000-0000-4000-8000-000000000009", "step_slug": "first", "task_index": 0}'::jsonb,
            'no task of this message: run 00000000-0000-4000-8000-000000000009, step first, task 0 has no task with this message id')$$,
  'and moves the four others to pgflow.dead_letters, each with its reason');
select is((select count(*)::int from pgmq.q_sequential), 1, 'only the real task''s message is left in the queue');

select * from finish();
rollback;
