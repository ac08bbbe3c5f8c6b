begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'skip-cascade');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c', array['b']);
select pgflow.add_step('f', 'd');
select run_id from pgflow.start_flow('f', '{"go": false}'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug in ('a', 'b', 'c')),
  array[row('a', 'skipped', 'condition_unmet')::text, row('b', 'skipped', 'dependency_skipped')::text,
        row('c', 'skipped', 'dependency_skipped')::text],
  'the step is skipped for condition_unmet, its descendants for dependency_skipped'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug <> 'd'), 0, 'none of them got a task');
select is((select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'd'), 'started', 'd is unaffected');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'three skips count as done');
select count(*) from pgflow_tests.poll_and_complete('f');
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{"d": {"input": {}}}'::jsonb)::text,
  'the run completes with only the completed leaf'
);

select * from finish();
rollback;
