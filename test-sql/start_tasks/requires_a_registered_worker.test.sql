begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow.start_flow('sequential', '{}'::jsonb);
select msg_id from pgmq.read('sequential', 5, 1) \gset

select throws_ok(
  format($$ select * from pgflow.start_tasks('sequential', array[%s]::bigint[], '99999999-9999-9999-9999-999999999999'::uuid) $$, :msg_id),
  '23503',
  'insert or update on table "step_tasks" violates foreign key constraint "step_tasks_last_worker_id_fkey"',
  'an unknown worker id violates step_tasks_last_worker_id_fkey'
);
select is((select status from pgflow.step_tasks), 'queued', 'the task stays queued');

select * from finish();
rollback;
