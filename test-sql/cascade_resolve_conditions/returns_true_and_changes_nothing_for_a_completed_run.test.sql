begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps, status, completed_at)
values (:'run_id', 'f', '{}', 0, 'completed', now());
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'a', 0, 1);

select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'a completed run returns true');
select is(
  (select status from pgflow.step_states where run_id = :'run_id'),
  'created',
  'nothing is evaluated'
);

select * from finish();
rollback;
