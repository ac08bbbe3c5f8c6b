begin;
select plan(6);
select pgflow_tests.reset_db();

select pgflow.create_flow('stall', timeout => 1);
select pgflow.add_step('stall', 'a', when_exhausted => 'skip');
select pgflow.add_step('stall', 'b', array['a']);
select run_id as run_id from pgflow.start_flow('stall', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('stall');

update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '1 hour',
       requeued_count = 3;

select is(pgflow.requeue_stalled_tasks(), 0, 'the task over the limit is not requeued');
select is((select status from pgflow.step_tasks where step_slug = 'a'), 'failed', 'the task is failed');
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where step_slug = 'a'),
  row('skipped', 'handler_failed')::text,
  'the step is skipped as handler_failed'
);
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid, 'a'), 1, 'step:skipped is sent');
select is(
  (select status from pgflow.step_states where step_slug = 'b'),
  'started',
  'the dependent step starts'
);
select is((select status from pgflow.runs), 'started', 'the run goes on');

select finish();
rollback;
