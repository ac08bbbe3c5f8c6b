begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'skip');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'b', array['a', 'x']);
select run_id from pgflow.start_flow('f', '{"go": false}'::jsonb) \gset

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('created', 1)::text,
  'the skipped dependency counts as done'
);
select count(*) from pgflow_tests.poll_and_complete('f');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  'started',
  'the dependent starts'
);
select is(
  (select input from pgflow_tests.read_and_start('f')),
  '{"x": {"input": {}}}'::jsonb,
  'its input has no key for the skipped dependency, not even null'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'only b remains');

select * from finish();
rollback;
