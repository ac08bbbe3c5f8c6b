begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select pgflow.add_step('agg', 'after', array['m']);
select run_id from pgflow.start_flow('agg', '[0, 1, 2]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', 0, '"a"'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 2, '"c"'::jsonb);

select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states where step_slug = 'm'),
  row('started', 1, null::jsonb)::text,
  'with one task left the map is started, has one remaining task and no output'
);
select is((select status from pgflow.step_states where step_slug = 'after'), 'created', 'its dependent waits');
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 0, 'no step:completed yet');

select pgflow.complete_task(:'run_id', 'm', 1, '"b"'::jsonb);
select is((select output from pgflow.step_states where step_slug = 'm'), '["a", "b", "c"]'::jsonb,
  'the last completion aggregates every output');

select * from finish();
rollback;
