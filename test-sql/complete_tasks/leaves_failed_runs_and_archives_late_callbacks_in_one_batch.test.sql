begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('j');
select pgflow.add_step('j', 'only');
select run_id as failed from pgflow.start_flow('j', '{}'::jsonb) \gset
select run_id as late from pgflow.start_flow('j', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('j', 30, 2);
update pgflow.runs set status = 'failed', failed_at = now() where run_id = :'failed';
select count(*) from pgflow.complete_task(:'late', 'only', 0, '"first"'::jsonb);
-- the late task's message is back in the queue, as if the first completion had not archived it
delete from pgmq.a_j where msg_id = (select message_id from pgflow.step_tasks where run_id = :'late');
insert into pgmq.q_j (msg_id, vt, message) overriding system value select message_id, now(), '{}'::jsonb from pgflow.step_tasks where run_id = :'late';

select count(*) from pgflow.complete_tasks(
  array[:'failed', :'late']::uuid[], array['only', 'only'], array[0, 0], array['"x"'::jsonb, '"second"'::jsonb]);

select is(
  (select row(status, output)::text from pgflow.step_tasks where run_id = :'failed'),
  row('started', null::jsonb)::text,
  'a failed run''s task is left as it was'
);
select is(
  (select count(*)::integer from pgmq.q_j q join pgflow.step_tasks t on t.message_id = q.msg_id where t.run_id = :'failed'),
  1,
  'and keeps its message'
);
select is(
  (select output from pgflow.step_tasks where run_id = :'late'),
  '"first"'::jsonb,
  'a late callback changes nothing'
);
select is(
  (select count(*)::integer from pgmq.q_j q join pgflow.step_tasks t on t.message_id = q.msg_id where t.run_id = :'late'),
  0,
  'but its message is archived'
);

select * from finish();
rollback;
