begin;
select plan(8);
select pgflow_tests.reset_db();
-- defect 2: upstream hides statements in CTEs that PostgreSQL never runs (the children
-- "SELECT ... FOR UPDATE" of complete_task); every effect of ours runs and is observable
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'single', array['a']);
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select message_id as msg_id from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a' \gset

select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '[1, 2]'::jsonb);

select is((select status from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'), 'completed', 'task completed');
select is((select count(*)::int from pgmq.a_f where msg_id = :msg_id), 1, 'task message archived');
select is(
  (select row(status, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  row('completed', '[1, 2]'::jsonb)::text,
  'step completed with its output'
);
select is(
  (select array_agg(row(step_slug, remaining_deps, initial_tasks)::text order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug <> 'a'),
  array[row('m', 0, 2)::text, row('single', 0, 1)::text],
  'every child was updated'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 2, 'remaining_steps decremented');
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug <> 'a' and status = 'queued'),
  3,
  'children tasks queued'
);
select is(
  (select count(*)::int from pgmq.q_f),
  3,
  'one message per new task'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid), 3, 'a, m and single were broadcast as started');

select * from finish();
rollback;
