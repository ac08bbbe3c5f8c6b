begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');

-- SQL NULL output
select run_id as run1 from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select is(
  (select error_message from pgflow.complete_task(:'run1', 'a', 0, null)),
  '[TYPE_VIOLATION] Produced null instead of array',
  'SQL NULL is reported as null'
);
select is(
  (select error_message from pgflow.step_states where run_id = :'run1' and step_slug = 'a'),
  '[TYPE_VIOLATION] Map step m expects array input but dependency a produced null',
  'the step message says null'
);

-- a JSON string
select run_id as run2 from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select is(
  (select error_message from pgflow.complete_task(:'run2', 'a', 0, '"text"'::jsonb)),
  '[TYPE_VIOLATION] Produced string instead of array',
  'a JSON string is reported as string'
);
select is((select status from pgflow.runs where run_id = :'run2'), 'failed', 'that run failed too');

select * from finish();
rollback;
