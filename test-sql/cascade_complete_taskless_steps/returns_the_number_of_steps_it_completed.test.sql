begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm1', step_type => 'map');
select pgflow.add_step('f', 'm2', array['m1'], step_type => 'map');
select pgflow.add_step('f', 'single', array['m2']);
select pgflow.add_step('f', 'after', array['single'], step_type => 'map');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '[]', 4);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, deps_count,
       case when step_slug = 'm1' then 0 when step_type = 'map' then null else 1 end
  from pgflow.steps where flow_slug = 'f';

select is(pgflow.cascade_complete_taskless_steps(:'run_id'), 2, 'two maps completed');
select is(
  (select row(status, remaining_deps, initial_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'single'),
  row('created', 0, 1)::text,
  'a single child is released but keeps its one task and is not started here'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'no task is created');
select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 2)::text,
  'remaining_steps drops by two and the run is not completed here'
);
select is(pgflow.cascade_complete_taskless_steps(:'run_id'), 0, 'a second call finds nothing');

select * from finish();
rollback;
