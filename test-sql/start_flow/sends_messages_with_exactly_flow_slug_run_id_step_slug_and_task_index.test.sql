begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select run_id from pgflow.start_flow('sequential', '{"test": "input"}'::jsonb) \gset

select is(
  (select message from pgmq.q_sequential),
  jsonb_build_object('flow_slug', 'sequential', 'run_id', :'run_id', 'step_slug', 'first', 'task_index', 0),
  'the message body has exactly flow_slug, run_id, step_slug and task_index'
);
select is(
  (select jsonb_typeof(message -> 'task_index') from pgmq.q_sequential),
  'number',
  'task_index is a JSON number'
);
select ok((select headers is null from pgmq.q_sequential), 'no headers are written');
select is((select read_ct from pgmq.q_sequential), 0, 'the message has not been read');

select * from finish();
rollback;
