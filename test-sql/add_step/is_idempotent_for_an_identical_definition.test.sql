begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'a');
select pgflow.add_step('test_flow', 'b');
select pgflow.add_step(
  'test_flow', 'c', array['a', 'b'], max_attempts => 4, timeout => 9, start_delay => 3,
  required_input_pattern => '{"a": 1}', when_unmet => 'fail', when_exhausted => 'skip'
);
create temporary table before_steps as select * from pgflow.steps;
create temporary table before_deps as select * from pgflow.deps;

select is(
  (select row(s.*)::text from pgflow.add_step(
     'test_flow', 'c', array['b', 'a', 'b'], max_attempts => 4, timeout => 9, start_delay => 3,
     required_input_pattern => '{"a": 1}', when_unmet => 'fail', when_exhausted => 'skip') as s),
  (select row(s.*)::text from before_steps as s where s.step_slug = 'c'),
  'the same definition (deps in any order, repeated) returns the existing row'
);
select is(
  (select row(s.*)::text from pgflow.add_step('test_flow', 'a') as s),
  (select row(s.*)::text from before_steps as s where s.step_slug = 'a'),
  'a root step can be re-added'
);
select set_eq($$ select * from pgflow.steps $$, $$ select * from before_steps $$, 'no step row changed');
select set_eq($$ select * from pgflow.deps $$, $$ select * from before_deps $$, 'no deps row changed');
select is((select max(step_index) from pgflow.steps), 2, 'no step_index was used up');

select * from finish();
rollback;
