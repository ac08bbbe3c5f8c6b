begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', step_type => 'map');

-- no taskless steps
select run_id as plain_run from pgflow.start_flow('f', '[1]'::jsonb) \gset
update pgflow.runs set status = 'failed', failed_at = now() where run_id = :'plain_run';
select is(pgflow.cascade_complete_taskless_steps(:'plain_run'), 0, 'returns 0 on a failed run without taskless steps');

-- defect 12: upstream has no run-status guard and would complete a ready taskless step of a failed run
select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps, status, failed_at)
values (:'run_id', 'f', '[]', 2, 'failed', now());
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'a', 0, 1), ('f', :'run_id', 'm', 0, 0);

select is(pgflow.cascade_complete_taskless_steps(:'run_id'), 0, 'returns 0 on a failed run with a ready taskless map');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  'created',
  'the taskless map of the failed run stays created'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 0, 'no step:completed event');

select * from finish();
rollback;
