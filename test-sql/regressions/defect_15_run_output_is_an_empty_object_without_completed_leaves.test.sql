begin;
select plan(3);
select pgflow_tests.reset_db();
-- defect 15: upstream stores and broadcasts SQL NULL when no leaf step completed
select pgflow.create_flow('skips');
select pgflow.add_step('skips', 'a', required_input_pattern => '{"go": true}');
select pgflow.create_flow('nothing');

select run_id as skip_run from pgflow.start_flow('skips', '{}'::jsonb) \gset
select run_id as empty_run from pgflow.start_flow('nothing', '{}'::jsonb) \gset

select is((select output from pgflow.runs where run_id = :'skip_run'), '{}'::jsonb, 'all leaves skipped: {}');
select is((select output from pgflow.runs where run_id = :'empty_run'), '{}'::jsonb, 'no steps: {}');
select is(
  (select count(*)::int from realtime.messages
    where payload ->> 'event_type' = 'run:completed' and payload -> 'output' = '{}'::jsonb),
  2,
  'both run:completed events carry {}'
);

select * from finish();
rollback;
