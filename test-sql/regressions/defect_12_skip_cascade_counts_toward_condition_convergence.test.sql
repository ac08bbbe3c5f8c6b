begin;
select plan(3);
select pgflow_tests.reset_db();
-- defect 12: upstream does not count phase-c (skip-cascade) skips when deciding whether the
-- condition loop converged; ours counts every change and re-checks once more
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'skip-cascade');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"go": true}', when_unmet => 'fail');
select pgflow.add_step('f', 'c', required_input_pattern => '{"go": true}', when_unmet => 'skip');
select pgflow.add_step('f', 'd', array['c'], required_input_pattern => '{"never": true}', when_unmet => 'skip-cascade');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'skipped', 'condition_unmet')::text, row('b', 'skipped', 'dependency_skipped')::text,
        row('c', 'skipped', 'condition_unmet')::text, row('d', 'skipped', 'condition_unmet')::text],
  'the cascade skipped b before its fail condition could be evaluated, and d was resolved in a later pass'
);
select is(
  (select row(status, remaining_steps, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0, '{}'::jsonb)::text,
  'every skip counted once and the run completed'
);
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 4, 'one step:skipped per step');

select * from finish();
rollback;
