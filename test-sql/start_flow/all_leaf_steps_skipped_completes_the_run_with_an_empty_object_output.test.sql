-- Defect 15: a run whose leaf steps were all skipped completes with output {} rather than NULL.
begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('all_skipped');
select pgflow.add_step('all_skipped', 'a', required_input_pattern => '{"go": true}'::jsonb);
select pgflow.add_step('all_skipped', 'b', required_input_pattern => '{"go": true}'::jsonb);

select run_id from pgflow.start_flow('all_skipped', '{"go": false}'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status, skip_reason)::text order by step_slug)
     from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'skipped', 'condition_unmet')::text, row('b', 'skipped', 'condition_unmet')::text],
  'both steps are skipped'
);
select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{}'::jsonb)::text,
  'the run completes with output {}'
);
select is(
  pgflow_tests.find_realtime_event('run:completed', :'run_id'::uuid) -> 'output',
  '{}'::jsonb,
  'run:completed carries output {}'
);

select * from finish();
rollback;
