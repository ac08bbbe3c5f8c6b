begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'first');

select throws_ok(
  $$ insert into pgflow.steps (flow_slug, step_slug, step_index) values ('test_flow', 'second', 0) $$,
  '23505',
  'duplicate key value violates unique constraint "steps_flow_slug_step_index_key"',
  'each flow has one step per step_index'
);

select * from finish();
rollback;
