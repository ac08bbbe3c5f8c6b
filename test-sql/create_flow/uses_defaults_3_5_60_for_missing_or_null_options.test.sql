begin;
select plan(3);
select pgflow_tests.reset_db();

select pgflow.create_flow('no_options');
select pgflow.create_flow('null_options', max_attempts => null, base_delay => null, timeout => null);
select pgflow.create_flow('some_options', timeout => 10);

select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows where flow_slug = 'no_options' $$,
  $$ values (3, 5, 60) $$,
  'omitted options default to 3 / 5 / 60 (not the table default base delay 1)'
);
select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows where flow_slug = 'null_options' $$,
  $$ values (3, 5, 60) $$,
  'explicit NULLs also mean the defaults'
);
select results_eq(
  $$ select opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows where flow_slug = 'some_options' $$,
  $$ values (3, 5, 10) $$,
  'only the given options replace defaults'
);

select * from finish();
rollback;
