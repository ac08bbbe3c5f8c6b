begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'root');
select pgflow.add_step('f', 'a', array['root'], when_exhausted => 'skip-cascade');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_complete('f');
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0)::text,
  'the run completed'
);
-- b is the only leaf and it was skipped (defect 15: {} instead of NULL)
select is((select output from pgflow.runs where run_id = :'run_id'), '{}'::jsonb, 'no completed leaf: empty output');
select is(pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid), 1, 'run:completed was broadcast');

select * from finish();
rollback;
