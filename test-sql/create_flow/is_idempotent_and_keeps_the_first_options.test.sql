begin;
select plan(5);
select pgflow_tests.reset_db();
-- The re-definitions below raise a NOTICE naming the ignored options; keep the output quiet.
set local client_min_messages = warning;

select pgflow.create_flow('test_flow', max_attempts => 5, base_delay => 2, timeout => 30);
create temporary table first_row as select * from pgflow.flows where flow_slug = 'test_flow';

select lives_ok(
  $$ select pgflow.create_flow('test_flow', max_attempts => 9, base_delay => 9, timeout => 99) $$,
  'creating an existing flow again does not raise (a NOTICE names the ignored options)'
);
select is(
  (select row(f.*)::text from pgflow.create_flow('test_flow') as f),
  (select row(f.*)::text from first_row as f),
  'returns the existing row unchanged'
);
select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows where flow_slug = 'test_flow' $$,
  $$ values (5, 2, 30) $$,
  'the first definition wins: options are not updated'
);
select is((select count(*)::int from pgflow.flows), 1, 'there is still one flow');
select is(
  (select count(*)::int from pgmq.list_queues() where queue_name = 'test_flow'),
  1,
  'there is still one queue'
);

select * from finish();
rollback;
