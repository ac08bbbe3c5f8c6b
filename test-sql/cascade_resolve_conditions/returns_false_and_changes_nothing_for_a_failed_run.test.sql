begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps, status, failed_at)
values (:'run_id', 'f', '{}', 1, 'failed', now());
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
values ('f', :'run_id', 'a', 0, 1);

select is(pgflow.cascade_resolve_conditions(:'run_id'), false, 'a failed run cannot continue');
select is(
  (select status from pgflow.step_states where run_id = :'run_id'),
  'created',
  'the unmet step of a failed run is not evaluated'
);
select is((select count(*)::int from realtime.messages), 0, 'no event');

select * from finish();
rollback;
