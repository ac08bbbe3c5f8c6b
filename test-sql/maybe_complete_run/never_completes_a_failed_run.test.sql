begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');

-- defect 11: upstream completes any run with remaining_steps = 0 that is not completed yet,
-- which for a failed run breaks the completed_at_or_failed_at check
select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps, status, failed_at)
values (:'run_id', 'f', '{}', 0, 'failed', now());

select lives_ok(format('select pgflow.maybe_complete_run(%L)', :'run_id'), 'a failed run with no remaining steps is no error');
select is(
  (select row(status, completed_at, output)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', null::timestamptz, null::jsonb)::text,
  'the run stays failed'
);
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 0, 'no run:completed event');

select * from finish();
rollback;
