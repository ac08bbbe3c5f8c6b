begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'b', forbidden_input_pattern => '{}');

create temp table started_run on commit drop as
  select * from pgflow.start_flow('f', '{}'::jsonb);

select is((select status from started_run), 'completed', 'start_flow returns the completed run');
-- defect 15: upstream stores SQL NULL here
select is((select output from started_run), '{}'::jsonb, 'the output is an empty object');
select is(
  (pgflow_tests.find_realtime_event('run:completed', (select run_id from started_run))) -> 'output',
  '{}'::jsonb,
  'run:completed carries the empty object'
);

select * from finish();
rollback;
