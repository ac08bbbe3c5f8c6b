begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'done');
select pgflow.add_step('f', 'gone');
select pgflow.add_step('f', 'wants_done', array['done', 'gone'], required_input_pattern => '{"done": {"ok": true}}',
  forbidden_input_pattern => '{"gone": {}}');
select pgflow.add_step('f', 'wants_gone', array['done', 'gone'], required_input_pattern => '{"gone": {}}');

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 2);
insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
select flow_slug, :'run_id', step_slug, 0, 1 from pgflow.steps where flow_slug = 'f';
update pgflow.step_states
   set status = 'completed', started_at = now(), completed_at = now(), remaining_tasks = 0, output = '{"ok": true}'
 where run_id = :'run_id' and step_slug = 'done';
update pgflow.step_states
   set status = 'skipped', skip_reason = 'condition_unmet', skipped_at = now()
 where run_id = :'run_id' and step_slug = 'gone';

select is(pgflow.cascade_resolve_conditions(:'run_id'), true, 'returns true');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'wants_done'),
  'created',
  'the input is {"done": {"ok": true}}: the condition holds'
);
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'wants_gone'),
  row('skipped', 'condition_unmet')::text,
  'the skipped dependency is absent from the input'
);

select * from finish();
rollback;
