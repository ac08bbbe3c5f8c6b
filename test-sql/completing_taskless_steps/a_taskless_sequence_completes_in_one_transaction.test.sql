begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', step_type => 'map');
select pgflow.add_step('f', 'b', array['a'], step_type => 'map');
select pgflow.add_step('f', 'c', array['b']);
select pgflow.add_step('f', 'd', array['c'], step_type => 'map');
select pgflow.add_step('f', 'e', array['d'], step_type => 'map');
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset

select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['completed', 'completed', 'started', 'created', 'created'],
  'the cascade stops at the first step with a task'
);
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'c', 0, '[]'::jsonb);
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['completed', 'completed', 'completed', 'completed', 'completed'],
  'an empty output of c cascades through d and e'
);
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{"e": []}'::jsonb)::text,
  'the run completed'
);

select * from finish();
rollback;
