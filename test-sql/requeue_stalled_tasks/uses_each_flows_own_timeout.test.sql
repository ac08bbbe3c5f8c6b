begin;
select plan(4);
select pgflow_tests.reset_db();

select pgflow.create_flow('fast', timeout => 10);
select pgflow.add_step('fast', 'a');
select pgflow.create_flow('slow', timeout => 100);
select pgflow.add_step('slow', 'a');
select pgflow.start_flow('fast', '{}'::jsonb);
select pgflow.start_flow('slow', '{}'::jsonb);
select pgflow_tests.read_and_start('fast');
select pgflow_tests.read_and_start('slow');

update pgflow.step_tasks
   set queued_at = now() - interval '2 hours', started_at = now() - interval '50 seconds';

select is(pgflow.requeue_stalled_tasks(), 1, 'one task is requeued');
select is((select status from pgflow.step_tasks where flow_slug = 'fast'), 'queued', 'timeout 10: stalled after 50 s');
select is((select status from pgflow.step_tasks where flow_slug = 'slow'), 'started', 'timeout 100: not stalled after 50 s');
select ok(
  (select q.vt <= clock_timestamp() from pgmq.q_fast q),
  'the requeued message of its own queue is made visible'
);

select finish();
rollback;
