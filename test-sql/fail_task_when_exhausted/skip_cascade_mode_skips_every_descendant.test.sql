begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip-cascade');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c', array['b']);
select pgflow.add_step('f', 'independent');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');

select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug in ('a', 'b', 'c')),
  array[row('a', 'skipped', 'handler_failed')::text, row('b', 'skipped', 'dependency_skipped')::text,
        row('c', 'skipped', 'dependency_skipped')::text],
  'the step is skipped for handler_failed and its descendants for dependency_skipped'
);
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'boom',
  'the failing step keeps the error'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug in ('b', 'c')), 0,
  'no descendant got a task');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'independent'),
  'started',
  'an independent step is untouched'
);
select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 1)::text,
  'three steps are done, the independent one remains'
);
select is(
  (select array_agg(payload ->> 'step_slug' order by payload ->> 'step_slug') from realtime.messages
    where payload ->> 'event_type' = 'step:skipped'),
  array['a', 'b', 'c'],
  'one step:skipped event per skipped step'
);

select * from finish();
rollback;
