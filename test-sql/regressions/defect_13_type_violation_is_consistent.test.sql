begin;
select plan(3);
select pgflow_tests.reset_db();
-- defect 13: upstream's type-violation run:failed has no error_message, its task update does not
-- check that the task is started, and only the first offending map is named
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'map_b', array['a'], step_type => 'map');
select pgflow.add_step('f', 'map_a', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select status from pgflow.complete_task(:'run_id', 'a', 0, '{}'::jsonb)),
  'queued',
  'a queued task is not failed by a type violation'
);
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '{}'::jsonb);
select is(
  (pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid)) ->> 'error_message',
  '[TYPE_VIOLATION] Map steps map_b, map_a expect array input but dependency a produced object',
  'run:failed carries the error naming every waiting map (in definition order)'
);
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  '[TYPE_VIOLATION] Map steps map_b, map_a expect array input but dependency a produced object',
  'the step error is the same'
);

select * from finish();
rollback;
