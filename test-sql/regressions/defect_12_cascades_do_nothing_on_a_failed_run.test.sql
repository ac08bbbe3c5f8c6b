begin;
select plan(4);
select pgflow_tests.reset_db();
-- defect 12: upstream's cascade_complete_taskless_steps has no run-status guard
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select pgflow.add_step('f', 'c', required_input_pattern => '{"go": true}');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps, status, failed_at)
values (:'run_id', 'f', '[]', 2, 'failed', now());
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'm', 0, 0), ('f', :'run_id', 'c', 0, 1);

select is(pgflow.cascade_complete_taskless_steps(:'run_id'), 0, 'the taskless cascade completes nothing');
select is(pgflow.cascade_resolve_conditions(:'run_id'), false, 'the condition cascade reports the failed run');
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['created', 'created'],
  'no step changed'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 2, 'remaining_steps is unchanged');

select * from finish();
rollback;
