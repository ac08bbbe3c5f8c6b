begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('flow_input');
select pgflow.add_step('flow_input', 'root_single');
select pgflow.add_step('flow_input', 'root_map', step_type => 'map');
select pgflow.add_step('flow_input', 'dependent', array['root_single']);
select run_id from pgflow.start_flow('flow_input', '[10, 20]'::jsonb) \gset

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('flow_input', 5, 10);

select is(
  (select flow_input from started where step_slug = 'root_single'),
  '[10, 20]'::jsonb,
  'a root single step gets the run input as flow_input'
);
select ok(
  (select bool_and(flow_input is null) from started where step_slug = 'root_map'),
  'root map tasks get NULL flow_input'
);

select pgflow.complete_task(:'run_id', 'root_single', 0, '"done"'::jsonb);
select is(
  (select flow_input from pgflow_tests.read_and_start('flow_input', 5, 10) where step_slug = 'dependent'),
  null,
  'a dependent step gets NULL flow_input'
);

select * from finish();
rollback;
