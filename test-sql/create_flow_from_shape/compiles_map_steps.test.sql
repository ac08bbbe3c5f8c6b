begin;
select plan(1);
select pgflow_tests.reset_db();

select pgflow._create_flow_from_shape('mapped', '{"steps": [
  {"slug": "items", "stepType": "map", "dependencies": []},
  {"slug": "double", "stepType": "map", "dependencies": ["items"]},
  {"slug": "sum", "stepType": "single", "dependencies": ["double"]}
]}');

select results_eq(
  $$ select step_slug, step_type, deps_count from pgflow.steps order by step_index $$,
  $$ values ('items', 'map', 0), ('double', 'map', 1), ('sum', 'single', 1) $$,
  'root and dependent maps keep stepType map'
);

select * from finish();
rollback;
