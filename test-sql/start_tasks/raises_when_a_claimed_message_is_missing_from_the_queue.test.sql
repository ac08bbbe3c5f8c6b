-- Defect 1 (upstream 0.15.1 behaviour): a claim whose message cannot be hidden is an error, so
-- that no task runs without its visibility extended.
begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');
select pgflow.start_flow('sequential', '{}'::jsonb);
select message_id from pgflow.step_tasks \gset

select pgmq.delete('sequential', :message_id::bigint);

select throws_ok(
  format($$ select * from pgflow.start_tasks('sequential', array[%s]::bigint[], '11111111-1111-1111-1111-111111111111'::uuid) $$, :message_id),
  'P0001',
  'start_tasks(): visibility updated 0 of 1 claimed messages',
  'start_tasks raises when a claimed message is gone'
);
select is((select status from pgflow.step_tasks), 'queued', 'the claim is rolled back with it');

select * from finish();
rollback;
