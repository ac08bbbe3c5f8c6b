begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select throws_ok(
  $$ select pgflow.add_step('test_flow', 'invalid-slug') $$,
  '23514',
  'new row for relation "steps" violates check constraint "steps_step_slug_check"',
  'an invalid step slug violates steps_step_slug_check'
);
select throws_ok(
  $$ select pgflow.add_step('test_flow', 'run') $$,
  '23514',
  'new row for relation "steps" violates check constraint "steps_step_slug_check"',
  'the reserved slug run is rejected'
);
select throws_like(
  $$ select pgflow.add_step('test_flow', 'step', step_type => 'fanout') $$,
  '%steps_step_type_check%',
  'an unknown step_type violates steps_step_type_check'
);
select is(
  (select s.step_type from pgflow.add_step('test_flow', 'step', step_type => null) as s),
  'single',
  'a NULL step_type means single'
);

select * from finish();
rollback;
