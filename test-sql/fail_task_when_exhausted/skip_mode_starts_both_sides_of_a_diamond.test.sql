begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c', array['a']);
select pgflow.add_step('f', 'd', array['b', 'c']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['skipped', 'started', 'started', 'created'],
  'both dependents started, the join waits'
);
select is(
  (select remaining_deps from pgflow.step_states where run_id = :'run_id' and step_slug = 'd'),
  2,
  'the join still waits for both'
);
select count(*) from pgflow_tests.poll_and_complete('f', 1, 10);
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'd'),
  'started',
  'the join starts after both complete'
);

select * from finish();
rollback;
