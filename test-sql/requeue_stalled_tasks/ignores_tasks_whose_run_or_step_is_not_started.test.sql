begin;
select plan(5);
select pgflow_tests.reset_db();

-- Defect 5: upstream requeued orphaned started tasks of failed runs and finished steps, which
-- then stayed queued forever.
select pgflow.create_flow('stall', timeout => 1);
select pgflow.add_step('stall', 'a');
select pgflow.add_step('stall', 'b');
select pgflow.start_flow('stall', '{"run": 1}'::jsonb);
select pgflow.start_flow('stall', '{"run": 2}'::jsonb);
select pgflow_tests.read_and_start('stall', qty => 4);

update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '1 hour';

-- Run 1 failed without terminating its tasks (as an upstream-made database can have).
update pgflow.runs set status = 'failed', failed_at = now()
 where input = '{"run": 1}'::jsonb;
-- Run 2: step a failed, step b's task was already marked permanently stalled.
update pgflow.step_states set status = 'failed', failed_at = now()
 where step_slug = 'a' and run_id = (select run_id from pgflow.runs where input = '{"run": 2}'::jsonb);
update pgflow.step_tasks set permanently_stalled_at = now() - interval '1 minute'
 where step_slug = 'b' and run_id = (select run_id from pgflow.runs where input = '{"run": 2}'::jsonb);

select is(pgflow.requeue_stalled_tasks(), 0, 'nothing is requeued');
select is(
  (select count(*)::int from pgflow.step_tasks where status = 'started'),
  4,
  'every task stays started'
);
select is(
  (select sum(requeued_count)::int from pgflow.step_tasks),
  0,
  'no requeued_count is incremented'
);
select is(
  (select count(*)::int from pgflow.step_tasks where permanently_stalled_at is not null),
  1,
  'no task is newly marked permanently stalled'
);
select is(
  (select count(*)::int from pgflow.runs where status = 'started'),
  1,
  'run 2 is not failed by the sweep'
);

select finish();
rollback;
