begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'root2');
select pgflow.add_step('f', 'c', array['root2']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(pgflow._cascade_force_skip_steps(:'run_id', 'b', 'condition_unmet'), 1, 'only b is skipped');
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'started')::text, row('b', 'skipped')::text, row('c', 'created')::text, row('root2', 'started')::text],
  'ancestors and other branches are untouched'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and status = 'queued'),
  2,
  'their tasks stay queued'
);

select * from finish();
rollback;
