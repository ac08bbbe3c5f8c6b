-- What is not pushed: a job enqueued with a delay (its message is hidden by commit time), a
-- worker whose wait already took a task, a wait past its ttl, a queue nobody waits on. Those
-- tasks stay queued for a claim, and no candidate is left behind.
begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow.create_flow('other');
select pgflow.add_step('other', 'only');
select pgflow_tests.ensure_worker('sequential', '11111111-1111-1111-1111-111111111111');
select pgflow_tests.ensure_worker('sequential', '22222222-2222-2222-2222-222222222222');

select pgflow.wait_for_task('11111111-1111-1111-1111-111111111111', 'sequential', 10000);
select pgflow.enqueue_job('sequential', '{}'::jsonb, 30);
set constraints all immediate;
select is((select status from pgflow.step_tasks), 'queued', 'a delayed start is not pushed');
set constraints all deferred;

select pgflow.start_flow('sequential', '{}'::jsonb);
select pgflow.start_flow('sequential', '{}'::jsonb);
set constraints all immediate;
select is(
  (select array_agg(status order by queued_at, run_id) from pgflow.step_tasks where status = 'started'),
  array['started'],
  'one wait takes one task: of two runs started together, one task is pushed'
);
set constraints all deferred;

select pgflow.start_flow('sequential', '{}'::jsonb);
set constraints all immediate;
select is((select count(*)::int from pgflow.step_tasks where status = 'started'), 1,
  'a consumed wait takes nothing more');
set constraints all deferred;

update pgflow.waiting_workers set expires_at = clock_timestamp() - interval '1 second';
select pgflow.wait_for_task('22222222-2222-2222-2222-222222222222', 'sequential', 0);
select pgflow.start_flow('sequential', '{}'::jsonb);
set constraints all immediate;
select is((select count(*)::int from pgflow.step_tasks where status = 'started'), 1,
  'an expired wait takes nothing');
set constraints all deferred;

select pgflow.start_flow('other', '{}'::jsonb);
set constraints all immediate;
select is((select status from pgflow.step_tasks where flow_slug = 'other'), 'queued',
  'a queue nobody waits on is not pushed to');
select is((select count(*)::int from pgflow.push_candidates), 0, 'push_candidates stays empty');

select * from finish();
rollback;
