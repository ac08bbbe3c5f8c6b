begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'b', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'c', array['a', 'b', 'x']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  row('created', 1)::text,
  'two skipped parents in one pass decrement remaining_deps by two'
);
select count(*) from pgflow_tests.poll_and_complete('f');
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  row('started', 0)::text,
  'the last parent makes it ready'
);
select is((select input from pgflow_tests.read_and_start('f')), '{"x": {"input": {}}}'::jsonb, 'only x is in its input');

select * from finish();
rollback;
