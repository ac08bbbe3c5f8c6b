begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'fallback', array['a'], forbidden_input_pattern => '{"a": {}}');
select run_id as skipped_a from pgflow.start_flow('f', '{"go": false}'::jsonb) \gset
select run_id as ran_a from pgflow.start_flow('f', '{"go": true}'::jsonb) \gset

-- {} @> {"a": {}} is false, so ifNot {"a": {}} holds when a is absent
select is(
  (select status from pgflow.step_states where run_id = :'skipped_a' and step_slug = 'fallback'),
  'started',
  'the fallback runs when its dependency was skipped'
);
create temp table started on commit drop as select * from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.complete_task(:'ran_a', 'a', 0, '{"value": 1}'::jsonb);
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'ran_a' and step_slug = 'fallback'),
  row('skipped', 'condition_unmet')::text,
  'the fallback is skipped when the dependency produced an object'
);
select is(
  (select input from started where run_id = :'skipped_a' and step_slug = 'fallback'),
  '{}'::jsonb,
  'the started fallback gets an empty input'
);

select * from finish();
rollback;
