begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots');
select pgflow_tests.ensure_worker('two_roots');

-- Run 1: root_a's step is skipped although its task is still queued.
select run_id as run1 from pgflow.start_flow('two_roots', '{}'::jsonb) \gset
update pgflow.step_states
   set status = 'skipped', skip_reason = 'preexisting_skip', skipped_at = now(), remaining_tasks = null
 where run_id = :'run1' and step_slug = 'root_a';

select is(
  (select count(*)::int from pgflow.start_tasks(
     'two_roots',
     (select array_agg(message_id) from pgflow.step_tasks where run_id = :'run1' and step_slug = 'root_a'),
     '11111111-1111-1111-1111-111111111111'::uuid)),
  0,
  'a task of a skipped step is not started'
);
select is(
  (select status from pgflow.step_tasks where run_id = :'run1' and step_slug = 'root_a'),
  'queued',
  'it keeps its status'
);

-- Run 2: the run has failed although its tasks are still queued.
select run_id as run2 from pgflow.start_flow('two_roots', '{}'::jsonb) \gset
update pgflow.runs set status = 'failed', failed_at = now() where run_id = :'run2';

select is(
  (select count(*)::int from pgflow.start_tasks(
     'two_roots',
     (select array_agg(message_id) from pgflow.step_tasks where run_id = :'run2'),
     '11111111-1111-1111-1111-111111111111'::uuid)),
  0,
  'tasks of a failed run are not started'
);
select is(
  (select array_agg(attempts_count) from pgflow.step_tasks where run_id = :'run2'),
  array[0, 0],
  'no attempt is counted'
);

select * from finish();
rollback;
