begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', max_attempts => -1) $$,
  '23514',
  'new row for relation "steps" violates check constraint "opt_max_attempts_is_nonnegative"',
  'max_attempts must be >= 0'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', base_delay => -1) $$,
  '23514',
  'new row for relation "steps" violates check constraint "opt_base_delay_is_nonnegative"',
  'base_delay must be >= 0'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', timeout => 0) $$,
  '23514',
  'new row for relation "steps" violates check constraint "opt_timeout_is_positive"',
  'timeout must be > 0'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', start_delay => -1) $$,
  '23514',
  'new row for relation "steps" violates check constraint "opt_start_delay_is_nonnegative"',
  'start_delay must be >= 0'
);

select * from finish();
rollback;
