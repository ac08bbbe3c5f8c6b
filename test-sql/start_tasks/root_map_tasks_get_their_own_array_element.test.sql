begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('root_map');
select pgflow.add_step('root_map', 'm', step_type => 'map');
select pgflow.start_flow('root_map', '[1, "two", {"three": 3}, [4, [5]], null, true, 7.5]'::jsonb);

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('root_map', 5, 10);

select is(
  (select array_agg(input order by task_index) from started),
  array['1', '"two"', '{"three": 3}', '[4, [5]]', 'null', 'true', '7.5']::jsonb[],
  'task i gets element i, keeping its JSON type (including null and nested arrays)'
);
select is((select count(*)::int from started where flow_input is null), 7, 'map tasks get no flow_input');
select is(
  (select array_agg(task_index order by task_index) from started),
  array[0, 1, 2, 3, 4, 5, 6],
  'task indexes are returned'
);

select * from finish();
rollback;
