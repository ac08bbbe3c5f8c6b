begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_complete('f');
select count(*) from pgflow_tests.poll_and_complete('f');

-- a and b are completed, c is started
select is(pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet'), 1, 'only the non-terminal step is skipped');
select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'completed', null::text)::text, row('b', 'completed', null::text)::text,
        row('c', 'skipped', 'dependency_skipped')::text],
  'completed steps keep their status'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 0, 'only the new skip is counted');

select * from finish();
rollback;
