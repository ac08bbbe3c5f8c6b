begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps, status, completed_at)
values (:'run_id', 'f', '[]', 0, 'completed', now());
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'm', 0, 0);

-- defect 12: the cascade only works on started runs
select is(pgflow.cascade_complete_taskless_steps(:'run_id'), 0, 'returns 0');
select is((select status from pgflow.step_states where run_id = :'run_id'), 'created', 'nothing is completed');

select * from finish();
rollback;
