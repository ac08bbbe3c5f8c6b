begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'producer');
select pgflow.add_step('f', 'm1', array['producer'], step_type => 'map');
select pgflow.add_step('f', 'm2', array['m1'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'producer', 0, '[]'::jsonb);

select is(
  (select array_agg(row(step_slug, status, initial_tasks, output)::text order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug in ('m1', 'm2')),
  array[row('m1', 'completed', 0, '[]'::jsonb)::text, row('m2', 'completed', 0, '[]'::jsonb)::text],
  'both maps completed with [] in the same call'
);
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{"m2": []}'::jsonb)::text,
  'the run completed'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug <> 'producer'),
  0,
  'no map task was created'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 3, 'producer, m1 and m2 completed');

select * from finish();
rollback;
