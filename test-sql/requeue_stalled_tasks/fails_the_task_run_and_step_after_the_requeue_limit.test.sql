begin;
select plan(13);
select pgflow_tests.reset_db();

-- Defect 6: upstream marked the task permanently stalled and left step and run started forever.
select pgflow.create_flow('stall', max_attempts => 3, timeout => 1);
select pgflow.add_step('stall', 'a');
select pgflow.add_step('stall', 'b', array['a']);
select run_id as run_id from pgflow.start_flow('stall', '{}'::jsonb) \gset

-- The task is started and stalls four times; the first three stalls are requeued.
create temporary table sweeps (n int, requeued int);
do $$
begin
  for i in 1..4 loop
    perform pgflow_tests.read_and_start('stall');
    update pgflow.step_tasks
       set queued_at = now() - interval '2 hours', started_at = now() - interval '1 hour'
     where status = 'started';
    insert into sweeps values (i, pgflow.requeue_stalled_tasks());
  end loop;
end;
$$;

select is(
  (select array_agg(requeued order by n) from sweeps),
  array[1, 1, 1, 0],
  'three sweeps requeue the task; the fourth does not'
);
select is((select requeued_count from pgflow.step_tasks), 3, 'the task was requeued three times');
select is((select attempts_count from pgflow.step_tasks), 4, 'it was started four times');
select is((select status from pgflow.step_tasks), 'failed', 'the task is failed');
select ok(
  (select permanently_stalled_at = now() and failed_at = now() from pgflow.step_tasks),
  'permanently_stalled_at and failed_at are set'
);
select is(
  (select error_message from pgflow.step_tasks),
  'Task stalled: requeued 3 times without completing (limit pgflow.max_requeues = 3)',
  'the task error says why'
);
select is(
  (select row(status, error_message)::text from pgflow.step_states where step_slug = 'a'),
  row('failed', 'Task stalled: requeued 3 times without completing (limit pgflow.max_requeues = 3)')::text,
  'the step fails with the same error (when_exhausted = fail)'
);
select is((select status from pgflow.runs), 'failed', 'the run fails');
select is(
  (select status from pgflow.step_states where step_slug = 'b'),
  'created',
  'the dependent step never starts'
);
select is(pgflow_tests.count_realtime_events('step:failed', :'run_id'::uuid, 'a'), 1, 'step:failed is sent');
select is(pgflow_tests.count_realtime_events('run:failed', :'run_id'::uuid), 1, 'run:failed is sent');
select is(
  (select count(*)::int from pgmq.q_stall),
  0,
  'the task message is no longer in the queue'
);
select is(
  (select count(*)::int from pgmq.a_stall a join pgflow.step_tasks t on t.message_id = a.msg_id),
  1,
  'it is archived'
);

select finish();
rollback;
