begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('dep_map');
select pgflow.add_step('dep_map', 'producer');
select pgflow.add_step('dep_map', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('dep_map', '{}'::jsonb) \gset

select is(
  (select row(status, initial_tasks, remaining_tasks)::text from pgflow.step_states where step_slug = 'm'),
  row('created', null, null)::text,
  'a dependent map starts with initial_tasks NULL'
);

select pgflow_tests.read_and_start('dep_map', 5, 1);
select pgflow.complete_task(:'run_id', 'producer', 0, '[10, 20, 30, 40]'::jsonb);

select is(
  (select row(status, initial_tasks, remaining_tasks)::text from pgflow.step_states where step_slug = 'm'),
  row('started', 4, 4)::text,
  'it gets the array length when its parent completes, and starts'
);
select is((select count(*)::int from pgflow.step_tasks where step_slug = 'm'), 4, 'with four tasks');
select is(
  pgflow_tests.find_realtime_event('step:started', :'run_id'::uuid, 'm') -> 'remaining_tasks',
  '4'::jsonb,
  'its step:started event reports remaining_tasks 4'
);

select * from finish();
rollback;
