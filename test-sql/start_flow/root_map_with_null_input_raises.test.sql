begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('null_test_flow');
select pgflow.add_step('null_test_flow', 'root_map', step_type => 'map');

select throws_ok(
  $$ select * from pgflow.start_flow('null_test_flow', null) $$,
  'P0001',
  'Flow null_test_flow has root map steps but input is NULL',
  'a root map with SQL NULL input raises'
);
select is((select count(*)::int from pgflow.runs), 0, 'no run is created');

select * from finish();
rollback;
