begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select pgflow.add_step('test_flow', 'tuned', max_attempts => 10, base_delay => 2, timeout => 30, start_delay => 15);
select pgflow.add_step('test_flow', 'partly', timeout => 5);

select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout, opt_start_delay from pgflow.steps where step_slug = 'tuned' $$,
  $$ values (10, 2, 30, 15) $$,
  'all options are stored'
);
select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout, opt_start_delay from pgflow.steps where step_slug = 'partly' $$,
  $$ values (null::int, null::int, 5, null::int) $$,
  'options not given stay NULL (inherit from the flow)'
);
select lives_ok(
  $$ select pgflow.add_step('test_flow', 'zero_delay', start_delay => 0) $$,
  'start_delay 0 is allowed'
);

select * from finish();
rollback;
