begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('tv_ok');
select pgflow.add_step('tv_ok', 'producer');
select pgflow.add_step('tv_ok', 'm', array['producer'], step_type => 'map');
select pgflow.add_step('tv_ok', 'm2', array['m'], step_type => 'map');
select run_id from pgflow.start_flow('tv_ok', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('tv_ok', 5, 1);

select pgflow.complete_task(:'run_id', 'producer', 0, '[{"a": 1}]'::jsonb);
select pgflow_tests.read_and_start('tv_ok', 5, 1);
-- A map task may return an object: the map output is still an array.
select pgflow.complete_task(:'run_id', 'm', 0, '{"not": "array"}'::jsonb);

select is((select status from pgflow.runs), 'started', 'the run continues');
select is(
  (select row(status, initial_tasks)::text from pgflow.step_states where step_slug = 'm2'),
  row('started', 1)::text,
  'the map child of a map starts'
);
select is(
  (select count(*)::int from pgflow.step_tasks where error_message like '[TYPE_VIOLATION]%'),
  0,
  'no type violation is recorded'
);

select * from finish();
rollback;
