begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'fail');
select pgflow.add_step('f', 'b');
select pgflow.add_step('f', 'c', array['a']);

create temp table started_run on commit drop as
  select * from pgflow.start_flow('f', '{"go": false}'::jsonb);
select run_id from started_run \gset

select is((select status from started_run), 'failed', 'start_flow returns the failed run');
select is(
  (select row(status, error_message, failed_at = now(), skip_reason)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'a'),
  row('failed', 'Condition not met', true, null::text)::text,
  'the step failed with exactly "Condition not met"'
);
select is(
  (select row(status, failed_at = now(), remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', true, 3)::text,
  'the run failed, remaining_steps untouched'
);
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id' and step_slug in ('b', 'c')),
  array['created', 'created'],
  'the other steps were never started'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'no task was created');
select is((select count(*)::int from pgmq.q_f), 0, 'no message was sent');

select * from finish();
rollback;
