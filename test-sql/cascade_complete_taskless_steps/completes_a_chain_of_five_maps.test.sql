begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm1', step_type => 'map');
select pgflow.add_step('f', 'm' || i, array['m' || (i - 1)], step_type => 'map') from generate_series(2, 5) as i;
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset

select is(
  (select count(*)::int from pgflow.step_states where run_id = :'run_id' and status = 'completed' and output = '[]'::jsonb
      and initial_tasks = 0 and remaining_tasks = 0),
  5,
  'all five maps completed with []'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 5, 'five step:completed events');
select is(
  (select row(status, remaining_steps, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0, '{"m5": []}'::jsonb)::text,
  'the run completed with the leaf map output'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id'), 0, 'no task was created');

select * from finish();
rollback;
