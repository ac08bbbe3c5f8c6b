begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'root');

select pgflow.add_step(
  'test_flow', 'conditional', array['root'],
  required_input_pattern => '{"root": {"ok": true}}',
  forbidden_input_pattern => '{"root": {"skip": true}}',
  when_unmet => 'skip-cascade',
  when_exhausted => 'skip'
);

select results_eq(
  $$ select required_input_pattern, forbidden_input_pattern, when_unmet, when_exhausted
       from pgflow.steps where step_slug = 'conditional' $$,
  $$ values ('{"root": {"ok": true}}'::jsonb, '{"root": {"skip": true}}'::jsonb, 'skip-cascade', 'skip') $$,
  'patterns and modes are stored as given'
);
select results_eq(
  $$ select required_input_pattern, forbidden_input_pattern, when_unmet, when_exhausted
       from pgflow.steps where step_slug = 'root' $$,
  $$ values (null::jsonb, null::jsonb, 'skip', 'fail') $$,
  'without them: NULL patterns, skip / fail'
);

select * from finish();
rollback;
