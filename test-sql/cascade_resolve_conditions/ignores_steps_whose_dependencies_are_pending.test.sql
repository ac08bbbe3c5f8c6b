begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"a": {"ok": true}}');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 2);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, deps_count, 1 from pgflow.steps where flow_slug = 'f';

select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'returns true');
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('created', 1)::text,
  'a step with a pending dependency is not evaluated although its input would not match'
);

select * from finish();
rollback;
