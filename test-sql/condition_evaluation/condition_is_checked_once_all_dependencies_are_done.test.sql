begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select pgflow.add_step('f', 'c', array['a', 'b'], required_input_pattern => '{"a": 1, "b": 2}');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);

select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '1'::jsonb);
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  row('created', 1)::text,
  'with one dependency pending the condition is not evaluated'
);
select count(*) from pgflow.complete_task(:'run_id', 'b', 0, '2'::jsonb);
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  'started',
  'with both done the combined input {a, b} meets the condition'
);
select is((select input from pgflow_tests.read_and_start('f')), '{"a": 1, "b": 2}'::jsonb, 'and that object is its input');

select * from finish();
rollback;
