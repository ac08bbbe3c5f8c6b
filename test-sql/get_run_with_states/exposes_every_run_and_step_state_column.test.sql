begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select is(
  (select array_agg(k order by k) from jsonb_object_keys(pgflow.get_run_with_states(:'run_id') -> 'run') as k),
  array['completed_at', 'failed_at', 'flow_slug', 'input', 'output', 'remaining_steps', 'run_id', 'started_at', 'status'],
  'the run object has every runs column'
);
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow.get_run_with_states(:'run_id') -> 'steps' -> 0) as k),
  array['completed_at', 'created_at', 'error_message', 'failed_at', 'flow_slug', 'initial_tasks', 'output',
        'remaining_deps', 'remaining_tasks', 'run_id', 'skip_reason', 'skipped_at', 'started_at', 'status',
        'step_slug'],
  'each step object has every step_states column'
);

select * from finish();
rollback;
