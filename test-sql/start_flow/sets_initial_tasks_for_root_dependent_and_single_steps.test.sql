begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('mixed');
select pgflow.add_step('mixed', 'root_map', step_type => 'map');
select pgflow.add_step('mixed', 'root_single');
select pgflow.add_step('mixed', 'dep_map', array['root_map'], step_type => 'map');
select pgflow.add_step('mixed', 'dep_single', array['root_single']);

select run_id from pgflow.start_flow('mixed', '[10, 20, 30]'::jsonb) \gset

select is(
  (select initial_tasks from pgflow.step_states where run_id = :'run_id' and step_slug = 'root_map'),
  3, 'a root map has one task per input element'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'run_id' and step_slug = 'root_single'),
  1, 'a root single step has one task'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'run_id' and step_slug = 'dep_map'),
  null, 'a dependent map does not know its task count yet'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'run_id' and step_slug = 'dep_single'),
  1, 'a dependent single step has one task'
);

select * from finish();
rollback;
