begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'list');
select pgflow.add_step('f', 'each', array['list'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'list', 0, '[]'::jsonb);

select is(
  (select row(status, initial_tasks, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'each'),
  row('completed', 0, '[]'::jsonb)::text,
  'the dependent map completed with []'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'each'), 0, 'it had no task');
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{"each": []}'::jsonb)::text,
  'the run completed'
);
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 1, 'run:completed was broadcast');

select * from finish();
rollback;
