begin;
select plan(1);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[0, 1, 2, 3, 4, 5]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', 0, '"text"'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 1, '12.5'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 2, 'false'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 3, '{"nested": {"deep": [1, 2]}}'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 4, '[[1], []]'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 5, '{}'::jsonb);

select is(
  (select output from pgflow.step_states),
  '["text", 12.5, false, {"nested": {"deep": [1, 2]}}, [[1], []], {}]'::jsonb,
  'outputs of every JSON type are kept as they are'
);

select * from finish();
rollback;
