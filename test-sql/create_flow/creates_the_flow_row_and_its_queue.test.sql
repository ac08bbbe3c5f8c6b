begin;
select plan(4);
select pgflow_tests.reset_db();

select is(
  (select row(f.flow_slug, f.opt_max_attempts, f.opt_base_delay, f.opt_timeout)::text
     from pgflow.create_flow('test_flow', 7, 2, 30) as f),
  '(test_flow,7,2,30)',
  'returns the new flow row'
);
select results_eq(
  $$ select flow_slug, opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows $$,
  $$ values ('test_flow', 7, 2, 30) $$,
  'stores the flow with the given options'
);
select results_eq(
  $$ select queue_name::text from pgmq.list_queues() $$,
  $$ values ('test_flow'::text) $$,
  'creates a pgmq queue named after the flow'
);
select ok(to_regclass('pgmq.q_test_flow') is not null, 'the queue table exists');

select * from finish();
rollback;
