begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'check');
select pgflow.add_step('f', 'yes', array['check'], required_input_pattern => '{"check": {"ok": true}}');
select pgflow.add_step('f', 'no', array['check'], forbidden_input_pattern => '{"check": {"ok": true}}');
select run_id as run_yes from pgflow.start_flow('f', '{}'::jsonb) \gset
select run_id as run_no from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.complete_task(:'run_yes', 'check', 0, '{"ok": true}'::jsonb);
select count(*) from pgflow.complete_task(:'run_no', 'check', 0, '{"ok": false}'::jsonb);

select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_yes' and step_slug in ('no', 'yes')),
  array['skipped', 'started'],
  'ok = true runs yes and skips no'
);
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_no' and step_slug in ('no', 'yes')),
  array['started', 'skipped'],
  'ok = false runs no and skips yes'
);
select count(*) from pgflow_tests.poll_and_complete('f', 1, 10);
select is(
  (select output from pgflow.runs where run_id = :'run_yes'),
  '{"yes": {"input": {"check": {"ok": true}}}}'::jsonb,
  'the yes run outputs only yes'
);
select is(
  (select output from pgflow.runs where run_id = :'run_no'),
  '{"no": {"input": {"check": {"ok": false}}}}'::jsonb,
  'the no run outputs only no'
);

select * from finish();
rollback;
