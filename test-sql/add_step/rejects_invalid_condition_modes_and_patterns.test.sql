begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', when_unmet => 'ignore') $$,
  '23514',
  'new row for relation "steps" violates check constraint "when_unmet_is_valid"',
  'an unknown when_unmet is rejected'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', when_exhausted => 'retry') $$,
  '23514',
  'new row for relation "steps" violates check constraint "when_exhausted_is_valid"',
  'an unknown when_exhausted is rejected'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', when_unmet => null) $$,
  '23502',
  null,
  'an explicit NULL when_unmet violates NOT NULL'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', required_input_pattern => '[1, 2]') $$,
  '23514',
  'new row for relation "steps" violates check constraint "required_input_pattern_is_object"',
  'an array required pattern is rejected'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'step', forbidden_input_pattern => '"text"') $$,
  '23514',
  'new row for relation "steps" violates check constraint "forbidden_input_pattern_is_object"',
  'a string forbidden pattern is rejected'
);
select is((select count(*)::int from pgflow.steps), 0, 'no step was added');

select * from finish();
rollback;
