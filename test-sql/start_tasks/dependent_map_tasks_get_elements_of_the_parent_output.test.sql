begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('dep_map');
select pgflow.add_step('dep_map', 'producer');
select pgflow.add_step('dep_map', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('dep_map', '{"ignored": true}'::jsonb) \gset

select pgflow_tests.read_and_start('dep_map', 5, 1);
select pgflow.complete_task(:'run_id', 'producer', 0, '["a", {"b": 2}, [3], null]'::jsonb);

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('dep_map', 5, 10);

select is((select count(*)::int from started), 4, 'one task per parent element');
select is(
  (select array_agg(input order by task_index) from started),
  array['"a"', '{"b": 2}', '[3]', 'null']::jsonb[],
  'task i gets element i of the parent output'
);
select ok((select bool_and(flow_input is null) from started), 'dependent map tasks get no flow_input');
select is((select array_agg(distinct step_slug) from started), array['m'], 'all records are for the map step');

select * from finish();
rollback;
