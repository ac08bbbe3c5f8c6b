begin;
select plan(4);
select pgflow_tests.reset_db();

select throws_ok(
  $$ select pgflow.create_flow('test_flow', max_attempts => -1) $$,
  '23514',
  'new row for relation "flows" violates check constraint "opt_max_attempts_is_nonnegative"',
  'max_attempts must be >= 0'
);
select throws_ok(
  $$ select pgflow.create_flow('test_flow', base_delay => -1) $$,
  '23514',
  'new row for relation "flows" violates check constraint "opt_base_delay_is_nonnegative"',
  'base_delay must be >= 0'
);
select throws_ok(
  $$ select pgflow.create_flow('test_flow', timeout => 0) $$,
  '23514',
  'new row for relation "flows" violates check constraint "opt_timeout_is_positive"',
  'timeout must be > 0'
);
select lives_ok(
  $$ select pgflow.create_flow('test_flow', max_attempts => 0, base_delay => 0, timeout => 1) $$,
  'the boundary values are accepted'
);

select * from finish();
rollback;
