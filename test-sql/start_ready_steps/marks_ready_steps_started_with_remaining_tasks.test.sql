begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('ready');
select pgflow.add_step('ready', 'single');
select pgflow.add_step('ready', 'm', step_type => 'map');
select pgflow.add_step('ready', 'after', array['single']);

select run_id from pgflow.start_flow('ready', '[1, 2, 3]'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status, remaining_tasks, initial_tasks)::text order by step_slug)
     from pgflow.step_states where run_id = :'run_id'),
  array[
    row('after', 'created', null, 1)::text,
    row('m', 'started', 3, 3)::text,
    row('single', 'started', 1, 1)::text
  ],
  'ready steps are started with remaining_tasks = initial_tasks; others stay created'
);
select ok(
  (select bool_and(started_at = now()) from pgflow.step_states where run_id = :'run_id' and status = 'started'),
  'started_at is now()'
);
select ok(
  (select started_at is null from pgflow.step_states where run_id = :'run_id' and step_slug = 'after'),
  'a step that is not ready has no started_at'
);

-- A second call starts nothing new and sends no duplicate messages.
select pgflow.start_ready_steps(:'run_id');
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 4,
  'calling start_ready_steps again creates no duplicate tasks');

select * from finish();
rollback;
