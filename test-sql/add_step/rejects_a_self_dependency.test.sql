begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select throws_ok(
  $$ select pgflow.add_step('test_flow', 'loop', array['loop']) $$,
  '23514',
  'new row for relation "deps" violates check constraint "deps_check"',
  'a step cannot depend on itself'
);

select * from finish();
rollback;
