begin;
select plan(3);
select pgflow_tests.reset_db();
-- The re-definitions below raise a NOTICE naming the ignored options; keep the output quiet.
set local client_min_messages = warning;
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'step', max_attempts => 10, base_delay => 2, timeout => 30, start_delay => 15);

-- Upstream keeps the first definition's options (pgflow-sql.md §8.5, §9.9); ours does the same
-- and raises a NOTICE naming the ignored options (defect 10).
select lives_ok(
  $$ select pgflow.add_step('test_flow', 'step', max_attempts => 1, base_delay => 1, timeout => 1, start_delay => 1) $$,
  're-adding with other options does not raise'
);
select lives_ok(
  $$ select pgflow.add_step('test_flow', 'step') $$,
  're-adding without options does not raise'
);
select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout, opt_start_delay from pgflow.steps where step_slug = 'step' $$,
  $$ values (10, 2, 30, 15) $$,
  'options and start_delay keep their first values'
);

select * from finish();
rollback;
