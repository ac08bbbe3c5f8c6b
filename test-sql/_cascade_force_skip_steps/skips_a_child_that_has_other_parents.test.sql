begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'join', array['a', 'x']);
select pgflow.add_step('f', 'after', array['join']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet'), 3, 'a, join and after are skipped');
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'skipped')::text, row('after', 'skipped')::text, row('join', 'skipped')::text, row('x', 'started')::text],
  'a child with another, unskipped parent is skipped too; the other parent is untouched'
);

select * from finish();
rollback;
