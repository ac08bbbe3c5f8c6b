begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'with_tasks', step_type => 'map');
select pgflow.add_step('f', 'parent');
select pgflow.add_step('f', 'waiting', array['parent'], step_type => 'map');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '[1]', 3);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'with_tasks', 0, 1), ('f', :'run_id', 'parent', 0, 1), ('f', :'run_id', 'waiting', 1, 0);

select is(pgflow.cascade_complete_taskless_steps(:'run_id'), 0, 'nothing to complete');
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['created', 'created', 'created'],
  'a step with tasks and a step with a pending dependency stay created'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 3, 'remaining_steps is unchanged');

select * from finish();
rollback;
