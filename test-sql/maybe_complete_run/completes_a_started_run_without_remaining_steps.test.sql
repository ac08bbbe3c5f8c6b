begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 0);
insert into pgflow.step_states (flow_slug, run_id, step_slug, status, started_at, completed_at, remaining_tasks, initial_tasks, output)
values ('f', :'run_id', 'a', 'completed', now(), now(), 0, 1, '{"v": 1}');

select pgflow.maybe_complete_run(:'run_id');
select is(
  (select row(status, completed_at = now(), failed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', true, null::timestamptz)::text,
  'the run is completed at now()'
);
select is((select output from pgflow.runs where run_id = :'run_id'), '{"a": {"v": 1}}'::jsonb, 'with the leaf output');
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 1, 'run:completed was broadcast');

select pgflow.maybe_complete_run(:'run_id');
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 1, 'a second call broadcasts nothing');

select * from finish();
rollback;
