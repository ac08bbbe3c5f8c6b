begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('flow_a');
select pgflow.create_flow('flow_b');

select pgflow.add_step('flow_a', 'one');
select pgflow.add_step('flow_b', 'alpha');
select pgflow.add_step('flow_a', 'two', array['one']);
select pgflow.add_step('flow_a', 'three');

select results_eq(
  $$ select step_slug, step_index from pgflow.steps where flow_slug = 'flow_a' order by step_index $$,
  $$ values ('one', 0), ('two', 1), ('three', 2) $$,
  'step_index counts 0, 1, 2 in insertion order'
);
select results_eq(
  $$ select step_slug, step_index from pgflow.steps where flow_slug = 'flow_b' $$,
  $$ values ('alpha', 0) $$,
  'each flow counts on its own'
);

select * from finish();
rollback;
