begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{"go": true}', 1);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'a', 0, 1);

select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'returns true');
select is((select status from pgflow.step_states where run_id = :'run_id'), 'created', 'the met step stays created');
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'no task is created');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'remaining_steps is unchanged');

select * from finish();
rollback;
