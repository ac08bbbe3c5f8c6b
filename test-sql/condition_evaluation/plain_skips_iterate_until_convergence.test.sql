begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'b', array['a'], required_input_pattern => '{"a": {"ok": true}}');
select pgflow.add_step('f', 'c', array['b'], required_input_pattern => '{"b": {"ok": true}}');
select pgflow.add_step('f', 'd', array['c']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('a', 'skipped')::text, row('b', 'skipped')::text, row('c', 'skipped')::text, row('d', 'started')::text],
  'each skip made the next condition ready, all within start_flow'
);
select is(
  (select array_agg(skip_reason order by step_slug) from pgflow.step_states where run_id = :'run_id' and status = 'skipped'),
  array['condition_unmet', 'condition_unmet', 'condition_unmet'],
  'every skip is a condition skip'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'three skips counted');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 3, 'three step:skipped events');

select * from finish();
rollback;
