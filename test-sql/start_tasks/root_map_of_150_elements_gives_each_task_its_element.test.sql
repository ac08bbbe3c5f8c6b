begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('big_map');
select pgflow.add_step('big_map', 'm', step_type => 'map');
select pgflow.start_flow('big_map',
  (select jsonb_agg(jsonb_build_object('i', i, 'name', 'item_' || i) order by i) from generate_series(0, 149) as i));

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('big_map', 5, 200);

select is((select count(*)::int from started), 150, '150 tasks are started');
select is(
  (select count(*)::int from started
    where input = jsonb_build_object('i', task_index, 'name', 'item_' || task_index)),
  150,
  'every task gets the object at its own index'
);

select * from finish();
rollback;
