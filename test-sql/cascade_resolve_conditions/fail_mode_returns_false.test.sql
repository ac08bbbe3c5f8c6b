begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'fail');
select pgflow.add_step('f', 'b', required_input_pattern => '{"go": true}', when_unmet => 'skip');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 2);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, 0, 1 from pgflow.steps where flow_slug = 'f';

select is(pgflow.cascade_resolve_conditions(:'run_id'), false, 'a fail condition returns false');
select is(
  (select row(status, failed_at = now())::text from pgflow.runs where run_id = :'run_id'),
  row('failed', true)::text,
  'the run failed'
);
select is((select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'), 'created',
  'the run stopped before any skip');
select is(pgflow.cascade_resolve_conditions(:'run_id'), false, 'a second call still returns false');

select * from finish();
rollback;
