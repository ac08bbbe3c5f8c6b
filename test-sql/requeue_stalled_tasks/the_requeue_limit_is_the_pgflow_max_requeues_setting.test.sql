begin;
select plan(6);
select pgflow_tests.reset_db();

select pgflow.create_flow('stall', timeout => 1);
select pgflow.add_step('stall', 'a');
select pgflow.add_step('stall', 'b');
select pgflow.add_step('stall', 'c');
select pgflow.start_flow('stall', '{}'::jsonb);
select pgflow_tests.read_and_start('stall', qty => 3);

update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '1 hour';
update pgflow.step_tasks set requeued_count = 2 where step_slug = 'a';
update pgflow.step_tasks set requeued_count = 1 where step_slug = 'b';

-- Unset (or empty) means 3.
select set_config('pgflow.max_requeues', '', true);
select is(pgflow.requeue_stalled_tasks(), 3, 'unset: every task under 3 requeues is requeued');
select is(
  (select array_agg(requeued_count order by step_slug) from pgflow.step_tasks),
  array[3, 2, 1],
  'each requeued_count went up by one'
);

select pgflow_tests.read_and_start('stall', qty => 3);
update pgflow.step_tasks
   set started_at = now() - interval '1 hour' where status = 'started';

select set_config('pgflow.max_requeues', '2', true);
select is(pgflow.requeue_stalled_tasks(), 1, 'max_requeues 2: only the task requeued once is requeued');
select is(
  (select array_agg(status order by step_slug) from pgflow.step_tasks),
  array['failed', 'cancelled', 'cancelled'],
  'the task over the limit fails its run, which cancels the run''s other tasks'
);
select is(
  (select error_message from pgflow.step_tasks where step_slug = 'a'),
  'Task stalled: requeued 3 times without completing (limit pgflow.max_requeues = 2)',
  'the message names the limit in force'
);

select pgflow.create_flow('zero', timeout => 1);
select pgflow.add_step('zero', 'a');
select pgflow.start_flow('zero', '{}'::jsonb);
select pgflow_tests.read_and_start('zero');
update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '1 hour'
 where flow_slug = 'zero';

select set_config('pgflow.max_requeues', '0', true);
select pgflow.requeue_stalled_tasks();
select is(
  (select row(status, requeued_count)::text from pgflow.step_tasks where flow_slug = 'zero'),
  row('failed', 0)::text,
  'max_requeues 0: the first stall fails the task'
);

select finish();
rollback;
