begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'root_map', step_type => 'map');

select throws_ok(
  $$ select * from pgflow.start_flow('test_flow', '{"a": 1}'::jsonb) $$,
  'P0001',
  'Flow test_flow has root map steps but input is not an array (got object)',
  'object input is rejected'
);
select throws_ok(
  $$ select * from pgflow.start_flow('test_flow', '"text"'::jsonb) $$,
  'P0001',
  'Flow test_flow has root map steps but input is not an array (got string)',
  'string input is rejected'
);
select throws_ok(
  $$ select * from pgflow.start_flow('test_flow', '42'::jsonb) $$,
  'P0001',
  'Flow test_flow has root map steps but input is not an array (got number)',
  'number input is rejected'
);
select throws_ok(
  $$ select * from pgflow.start_flow('test_flow', 'true'::jsonb) $$,
  'P0001',
  'Flow test_flow has root map steps but input is not an array (got boolean)',
  'boolean input is rejected'
);
select throws_ok(
  $$ select * from pgflow.start_flow('test_flow', 'null'::jsonb) $$,
  'P0001',
  'Flow test_flow has root map steps but input is not an array (got null)',
  'JSON null input is rejected'
);
select is((select count(*)::int from pgflow.runs), 0, 'no run is created');

select * from finish();
rollback;
