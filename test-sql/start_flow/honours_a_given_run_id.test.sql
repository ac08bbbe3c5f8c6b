begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select is(
  (select run_id from pgflow.start_flow('sequential', '{}'::jsonb, '22222222-2222-2222-2222-222222222222'::uuid)),
  '22222222-2222-2222-2222-222222222222'::uuid,
  'the returned run has the given run_id'
);
select is(
  (select count(*)::int from pgflow.step_states where run_id = '22222222-2222-2222-2222-222222222222'),
  3,
  'step states use the given run_id'
);
select is(
  (select run_id from pgflow.start_flow(flow_slug => 'sequential', input => '{}'::jsonb, run_id => null)) is not null,
  true,
  'a NULL run_id generates one (named arguments work)'
);

select * from finish();
rollback;
