begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 0);
insert into pgflow.step_states (flow_slug, run_id, step_slug, status, skip_reason, skipped_at, initial_tasks)
values ('f', :'run_id', 'a', 'skipped', 'condition_unmet', now(), 1);

select pgflow.maybe_complete_run(:'run_id');
-- defect 15: upstream stores and broadcasts SQL NULL
select is((select output from pgflow.runs where run_id = :'run_id'), '{}'::jsonb, 'the output is {}');
select is(
  (pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid)) -> 'output',
  '{}'::jsonb,
  'run:completed carries {}'
);

select * from finish();
rollback;
