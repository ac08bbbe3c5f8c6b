begin;
select plan(3);
select pgflow_tests.reset_db();
-- defect 11: upstream's maybe_complete_run accepts any status but 'completed'
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

-- bring remaining_steps to 0 on the failed run, then ask for completion
select pgflow._cascade_force_skip_steps(:'run_id', 'b', 'condition_unmet');
update pgflow.runs set remaining_steps = 0 where run_id = :'run_id';
select lives_ok(format('select pgflow.maybe_complete_run(%L)', :'run_id'), 'no check violation is raised');
select is(
  (select row(status, completed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', null::timestamptz)::text,
  'the run stays failed'
);
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 0, 'no run:completed event');

select * from finish();
rollback;
