begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select pgflow_tests.ensure_worker('sequential', '22222222-2222-2222-2222-222222222222'::uuid);

select msg_id from pgmq.read('sequential', 5, 1) \gset
select pgflow.start_tasks('sequential', array[:msg_id]::bigint[], '22222222-2222-2222-2222-222222222222'::uuid);

select is(
  (select row(status, attempts_count)::text from pgflow.step_tasks where run_id = :'run_id'),
  row('started', 1)::text,
  'the task is started with attempts_count 1'
);
select is((select started_at from pgflow.step_tasks where run_id = :'run_id'), now(), 'started_at is now()');
select is(
  (select last_worker_id from pgflow.step_tasks where run_id = :'run_id'),
  '22222222-2222-2222-2222-222222222222'::uuid,
  'last_worker_id is the calling worker'
);
select ok(
  (select completed_at is null and failed_at is null and output is null from pgflow.step_tasks where run_id = :'run_id'),
  'no other field changes'
);

select * from finish();
rollback;
