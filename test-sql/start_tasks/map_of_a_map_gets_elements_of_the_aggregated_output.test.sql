begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('map_map');
select pgflow.add_step('map_map', 'first', step_type => 'map');
select pgflow.add_step('map_map', 'second', array['first'], step_type => 'map');
select run_id from pgflow.start_flow('map_map', '[1, 2, 3]'::jsonb) \gset

select pgflow_tests.read_and_start('map_map', 5, 10);
select pgflow.complete_task(:'run_id', 'first', 2, '"c"'::jsonb);
select pgflow.complete_task(:'run_id', 'first', 0, '"a"'::jsonb);
select pgflow.complete_task(:'run_id', 'first', 1, '"b"'::jsonb);

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('map_map', 5, 10);

select is(
  (select array_agg(row(step_slug, task_index, input)::text order by task_index) from started),
  array[row('second', 0, '"a"'::jsonb)::text, row('second', 1, '"b"'::jsonb)::text, row('second', 2, '"c"'::jsonb)::text],
  'the dependent map task i gets element i of the ordered parent array'
);
select ok((select bool_and(flow_input is null) from started), 'no flow_input');

select * from finish();
rollback;
