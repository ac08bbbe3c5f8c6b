begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'b', array['a', 'x']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');
select count(*) as before_events from realtime.messages \gset

select is(
  (select row(status, error_message)::text from pgflow.fail_task(:'run_id', 'a', 0, 'boom again')),
  row('failed', 'boom')::text,
  'the replay returns the task unchanged'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 2, 'remaining_steps was decremented once');
select is(
  (select remaining_deps from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  1,
  'the child lost one dependency, once'
);
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid, 'a'), 1, 'one step:skipped event');
select is((select count(*)::int from realtime.messages), :before_events::int, 'the replay broadcast nothing');

select * from finish();
rollback;
