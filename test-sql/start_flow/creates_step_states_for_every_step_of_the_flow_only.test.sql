begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.setup_flow('two_roots');

select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select is(
  (select array_agg(step_slug order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['first', 'last', 'second'],
  'one step state per step of the started flow'
);
select is(
  (select count(*)::int from pgflow.step_states where flow_slug = 'two_roots'),
  0,
  'steps of other flows get no state'
);
select is(
  (select array_agg(row(step_slug, status, remaining_deps, initial_tasks)::text order by step_slug)
     from pgflow.step_states where run_id = :'run_id'),
  array[
    row('first', 'started', 0, 1)::text,
    row('last', 'created', 1, 1)::text,
    row('second', 'created', 1, 1)::text
  ],
  'remaining_deps starts at deps_count; the root step is started'
);
select is(
  (select array_agg(row(step_slug, remaining_tasks)::text order by step_slug)
     from pgflow.step_states where run_id = :'run_id'),
  array[row('first', 1)::text, row('last', null)::text, row('second', null)::text],
  'remaining_tasks is set for the started root only'
);

select * from finish();
rollback;
