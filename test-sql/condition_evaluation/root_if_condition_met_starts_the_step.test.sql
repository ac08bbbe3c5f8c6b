begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"role": "admin"}');
select run_id from pgflow.start_flow('f', '{"role": "admin", "name": "x"}'::jsonb) \gset

select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id'),
  row('started', null::text)::text,
  'the run input contains the pattern: the step starts'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 1, 'it has a task');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 0, 'nothing is skipped');

select * from finish();
rollback;
