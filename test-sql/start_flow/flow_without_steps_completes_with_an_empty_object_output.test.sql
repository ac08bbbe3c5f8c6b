-- Defect 15: upstream stores SQL NULL as the output of a run in which no leaf step completed.
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('no_steps');

select run_id from pgflow.start_flow('no_steps', '{"x": 1}'::jsonb) \gset

select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0)::text,
  'a flow without steps completes inside start_flow'
);
select is((select output from pgflow.runs where run_id = :'run_id'), '{}'::jsonb, 'its output is {} (not NULL)');
select is((select completed_at from pgflow.runs where run_id = :'run_id'), now(), 'completed_at is set');
select is(
  pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid) -> 'output',
  '{}'::jsonb,
  'run:completed carries output {}'
);

select * from finish();
rollback;
