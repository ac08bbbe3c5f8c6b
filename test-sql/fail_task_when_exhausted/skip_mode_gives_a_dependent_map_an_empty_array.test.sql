begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select pgflow.add_step('f', 'c', array['m']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, initial_tasks, remaining_tasks, output)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'm'),
  row('completed', 0, 0, '[]'::jsonb)::text,
  'the map treats the skipped dependency as an empty array and completes with []'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'), 0, 'the map has no task');
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'm'), 0, 'the map never broadcast step:started');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  'started',
  'the step after the map started'
);
select is((select input from pgflow_tests.read_and_start('f')), '{"m": []}'::jsonb, 'its input holds the empty map output');

select * from finish();
rollback;
