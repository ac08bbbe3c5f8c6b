begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('waiting_map');
select pgflow.add_step('waiting_map', 'a');
select pgflow.add_step('waiting_map', 'm', array['a'], step_type => 'map');

select run_id from pgflow.start_flow('waiting_map', '{}'::jsonb) \gset

-- Force the map's dependency count to 0 while initial_tasks is still unknown.
update pgflow.step_states set remaining_deps = 0 where run_id = :'run_id' and step_slug = 'm';
select pgflow.start_ready_steps(:'run_id');

select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('created', null)::text,
  'a map whose initial_tasks is NULL is never started'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'),
  0,
  'and gets no tasks'
);

select * from finish();
rollback;
