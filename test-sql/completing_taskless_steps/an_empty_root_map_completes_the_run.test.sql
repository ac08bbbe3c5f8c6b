begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');

create temp table started_run on commit drop as
  select * from pgflow.start_flow('f', '[]'::jsonb);
select run_id from started_run \gset

select is(
  (select row(status, remaining_steps, output)::text from started_run),
  row('completed', 0, '{"m": []}'::jsonb)::text,
  'start_flow returns the completed run with the empty map output'
);
select is(
  (select row(status, initial_tasks, remaining_tasks, output)::text from pgflow.step_states where run_id = :'run_id'),
  row('completed', 0, 0, '[]'::jsonb)::text,
  'the map completed with []'
);
select ok(
  (select started_at = completed_at and completed_at = now() from pgflow.step_states where run_id = :'run_id'),
  'started_at = completed_at = now()'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'no task');
select is((select count(*)::int from pgmq.q_f), 0, 'no message');

select * from finish();
rollback;
