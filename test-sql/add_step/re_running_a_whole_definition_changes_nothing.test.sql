begin;
select plan(3);
select pgflow_tests.reset_db();

-- The compiler output (pgflow-sql.md §10.6) is applied by every migration run; applying it twice
-- must change nothing.
select pgflow.create_flow('etl', max_attempts => 5, timeout => 20);
select pgflow.add_step('etl', 'extract');
select pgflow.add_step('etl', 'split', array['extract'], step_type => 'map');
select pgflow.add_step('etl', 'load', array['split', 'extract'], timeout => 90, when_exhausted => 'skip');
create temporary table snapshot as
  select (select count(*) from pgflow.flows) as flows, (select count(*) from pgflow.steps) as steps,
         (select count(*) from pgflow.deps) as deps, (select count(*) from pgmq.list_queues()) as queues;

select lives_ok($$
  select pgflow.create_flow('etl', max_attempts => 5, timeout => 20);
  select pgflow.add_step('etl', 'extract');
  select pgflow.add_step('etl', 'split', array['extract'], step_type => 'map');
  select pgflow.add_step('etl', 'load', array['split', 'extract'], timeout => 90, when_exhausted => 'skip');
$$, 'the same definition applies again');
select is(
  (select row((select count(*) from pgflow.flows), (select count(*) from pgflow.steps),
              (select count(*) from pgflow.deps), (select count(*) from pgmq.list_queues()))::text),
  (select row(s.*)::text from snapshot as s),
  'no flow, step, deps row or queue was duplicated'
);
select results_eq(
  $$ select step_slug, step_index, deps_count from pgflow.steps order by step_index $$,
  $$ values ('extract', 0, 0), ('split', 1, 1), ('load', 2, 2) $$,
  'step order and deps counts are unchanged'
);

select * from finish();
rollback;
