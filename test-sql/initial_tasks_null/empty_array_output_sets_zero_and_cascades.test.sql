begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('zero');
select pgflow.add_step('zero', 'producer');
select pgflow.add_step('zero', 'm', array['producer'], step_type => 'map');
select pgflow.add_step('zero', 'm2', array['m'], step_type => 'map');
select run_id from pgflow.start_flow('zero', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('zero', 5, 1);
select pgflow.complete_task(:'run_id', 'producer', 0, '[]'::jsonb);

select is(
  (select array_agg(row(step_slug, status, initial_tasks, output)::text order by step_slug)
     from pgflow.step_states where step_slug in ('m', 'm2')),
  array[row('m', 'completed', 0, '[]'::jsonb)::text, row('m2', 'completed', 0, '[]'::jsonb)::text],
  'an empty array gives initial_tasks 0 and the maps complete in a cascade'
);
select is((select count(*)::int from pgflow.step_tasks where step_slug in ('m', 'm2')), 0, 'no map tasks exist');
select is(
  (select row(status, output)::text from pgflow.runs),
  row('completed', '{"m2": []}'::jsonb)::text,
  'the run completes'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'm'), 0, 'the taskless map never started');

select * from finish();
rollback;
