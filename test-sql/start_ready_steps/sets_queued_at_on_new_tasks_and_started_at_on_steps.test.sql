begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('ts_flow');
select pgflow.add_step('ts_flow', 'm', step_type => 'map');

select run_id from pgflow.start_flow('ts_flow', '[1, 2]'::jsonb) \gset

select ok(
  (select bool_and(queued_at = now() and started_at is null and completed_at is null and failed_at is null)
     from pgflow.step_tasks where run_id = :'run_id'),
  'new tasks are queued now and have no other timestamps'
);
select ok(
  (select started_at = now() and started_at >= created_at
     from pgflow.step_states where run_id = :'run_id'),
  'the started step has started_at = now() >= created_at'
);
select ok(
  (select bool_and(enqueued_at <= clock_timestamp()) from pgmq.q_ts_flow),
  'messages are enqueued'
);

select * from finish();
rollback;
