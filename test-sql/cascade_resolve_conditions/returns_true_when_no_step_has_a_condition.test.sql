begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 2);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, deps_count, 1 from pgflow.steps where flow_slug = 'f';

select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'returns true');
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['created', 'created'],
  'steps without conditions are left to start_ready_steps'
);
select is((select count(*)::int from realtime.messages), 0, 'no event');

select * from finish();
rollback;
