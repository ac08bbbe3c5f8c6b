begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'skip-cascade');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"never": true}');
select pgflow.add_step('f', 'c', array['b']);

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 3);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, deps_count, 1 from pgflow.steps where flow_slug = 'f';

-- defect 12: phase-c (skip-cascade) changes count toward convergence, so the loop takes one more
-- pass after them; that pass finds nothing left to decide
select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'returns true');
select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'skipped', 'condition_unmet')::text, row('b', 'skipped', 'dependency_skipped')::text,
        row('c', 'skipped', 'dependency_skipped')::text],
  'the whole branch is skipped once, by the cascade'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 0, 'every skip was counted once');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 3, 'three step:skipped events');

select * from finish();
rollback;
