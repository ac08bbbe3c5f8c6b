begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow.create_flow('statuses');
select pgflow.add_step('statuses', 'm', step_type => 'map');
select run_id from pgflow.start_flow('statuses', '[0, 1, 2, 3]'::jsonb) \gset
select pgflow_tests.ensure_worker('statuses');

-- task 0 started, task 1 completed, task 2 failed (by hand), task 3 queued
update pgflow.step_tasks set status = 'started', started_at = now(), attempts_count = 1
 where run_id = :'run_id' and task_index = 0;
update pgflow.step_tasks set status = 'completed', completed_at = now(), output = '1'
 where run_id = :'run_id' and task_index = 1;
update pgflow.step_tasks set status = 'failed', failed_at = now()
 where run_id = :'run_id' and task_index = 2;

create temp table started on commit drop as
  select * from pgflow.start_tasks(
    'statuses',
    (select array_agg(message_id) from pgflow.step_tasks where run_id = :'run_id'),
    '11111111-1111-1111-1111-111111111111'::uuid
  );

select is((select array_agg(task_index) from started), array[3], 'only the queued task is returned');
select is(
  (select array_agg(row(task_index, status, attempts_count)::text order by task_index)
     from pgflow.step_tasks where run_id = :'run_id'),
  array[
    row(0, 'started', 1)::text,
    row(1, 'completed', 0)::text,
    row(2, 'failed', 0)::text,
    row(3, 'started', 1)::text
  ],
  'only the queued task changes'
);
select ok(
  (select last_worker_id is null from pgflow.step_tasks where run_id = :'run_id' and task_index = 0),
  'an already started task is not taken over'
);

-- A second call for the same (now started) task returns nothing and counts no attempt.
select is(
  (select count(*)::int from pgflow.start_tasks(
     'statuses',
     (select array_agg(message_id) from pgflow.step_tasks where run_id = :'run_id' and task_index = 3),
     '11111111-1111-1111-1111-111111111111'::uuid)),
  0,
  'starting a started task again returns nothing'
);
select is(
  (select attempts_count from pgflow.step_tasks where run_id = :'run_id' and task_index = 3),
  1,
  'and does not count another attempt'
);
select is(
  (select started_at from pgflow.step_tasks where run_id = :'run_id' and task_index = 3),
  now(),
  'started_at is kept'
);

select * from finish();
rollback;
