begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'b', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'join', array['a', 'b', 'x']);
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 5);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, deps_count, case when step_type = 'map' then null else 1 end
  from pgflow.steps where flow_slug = 'f';

select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'returns true');
select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug in ('a', 'b')),
  array[row('a', 'skipped', 'condition_unmet')::text, row('b', 'skipped', 'condition_unmet')::text],
  'both unmet steps are skipped'
);
select is(
  (select remaining_deps from pgflow.step_states where run_id = :'run_id' and step_slug = 'join'),
  1,
  'a child loses one dependency per skipped parent'
);
select is(
  (select row(status, remaining_deps, initial_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('created', 0, 0)::text,
  'a map child of a skipped step maps over nothing but is not completed here'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 3, 'remaining_steps drops by the number skipped');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 2, 'one step:skipped per skipped step');

select * from finish();
rollback;
