begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c', array['b']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(pgflow._cascade_force_skip_steps(:'run_id', 'a', 'my_reason'), 3, 'three steps skipped');
select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'skipped', 'my_reason')::text, row('b', 'skipped', 'dependency_skipped')::text,
        row('c', 'skipped', 'dependency_skipped')::text],
  'the step gets the given reason, its descendants dependency_skipped'
);
select ok(
  (select bool_and(skipped_at = now() and remaining_tasks is null) from pgflow.step_states where run_id = :'run_id'),
  'skipped_at is now() and remaining_tasks NULL for all'
);

select * from finish();
rollback;
