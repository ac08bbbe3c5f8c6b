begin;
select plan(4);
select pgflow_tests.reset_db();

-- Defect 4: upstream used only the flow timeout.
select pgflow.create_flow('stall', timeout => 60);
select pgflow.add_step('stall', 'short', timeout => 5);
select pgflow.add_step('stall', 'long', timeout => 120);
select pgflow.start_flow('stall', '{}'::jsonb);
select pgflow_tests.read_and_start('stall', qty => 2);

update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '36 seconds'
 where step_slug = 'short';
update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '100 seconds'
 where step_slug = 'long';

select is(pgflow.requeue_stalled_tasks(), 1, 'one task is requeued');
select is(
  (select status from pgflow.step_tasks where step_slug = 'short'),
  'queued',
  'a step with timeout 5 is stalled after 35 s, not after the flow''s 60 + 30'
);
select is(
  (select status from pgflow.step_tasks where step_slug = 'long'),
  'started',
  'a step with timeout 120 is not stalled after 100 s, although the flow timeout is 60'
);

update pgflow.step_tasks set started_at = now() - interval '151 seconds' where step_slug = 'long';
select is(pgflow.requeue_stalled_tasks(), 1, 'it is stalled after 120 + 30 s');

select finish();
rollback;
