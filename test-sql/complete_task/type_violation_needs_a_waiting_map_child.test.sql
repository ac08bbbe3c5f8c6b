begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');

-- no map depends on a, so a non-array output is fine
select is(
  (select status from pgflow.complete_task(:'run_id', 'a', 0, '"plain string"'::jsonb)),
  'completed',
  'a non-array output without map children completes'
);
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  'started',
  'the single child started'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'the run goes on');

select * from finish();
rollback;
