begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"a": {"ok": true}}', when_unmet => 'skip');
select pgflow.add_step('f', 'c', array['a'], required_input_pattern => '{"a": {"ok": true}}', when_unmet => 'fail');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

-- the run failed because a failed: its children keep waiting, their conditions are never checked
select is(
  (select array_agg(row(status, remaining_deps)::text order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug in ('b', 'c')),
  array[row('created', 1)::text, row('created', 1)::text],
  'the children stay created with their dependency pending'
);
select is((select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'), 'a FAILED',
  'the run failure is the handler failure');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 0, 'nothing was skipped');

select * from finish();
rollback;
