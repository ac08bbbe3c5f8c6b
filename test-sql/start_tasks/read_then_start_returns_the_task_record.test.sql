begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"test": "data"}'::jsonb) \gset
select pgflow_tests.ensure_worker('sequential');

-- Phase 1: read the message; phase 2: start its task.
select msg_id from pgmq.read('sequential', 5, 10) \gset
create temp table started on commit drop as
  select * from pgflow.start_tasks('sequential', array[:msg_id]::bigint[], '11111111-1111-1111-1111-111111111111'::uuid);

select is((select count(*)::int from started), 1, 'one task record is returned');
select is(
  (select row(flow_slug, run_id, step_slug, task_index, msg_id)::text from started),
  row('sequential', :'run_id'::uuid, 'first', 0, :msg_id::bigint)::text,
  'the record names the flow, run, step, task_index and msg_id'
);
select is((select input from started), '{}'::jsonb, 'a root single step gets {} as input');
select is((select flow_input from started), '{"test": "data"}'::jsonb, 'and the run input as flow_input');

select * from finish();
rollback;
