begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select is(
  pgflow.start_flow_with_states(flow_slug => 'sequential', input => '{}'::jsonb,
                                run_id => '55555555-5555-5555-5555-555555555555'::uuid) #>> '{run,run_id}',
  '55555555-5555-5555-5555-555555555555',
  'the run has the given run_id'
);
select is(
  (select count(*)::int from pgflow.step_states where run_id = '55555555-5555-5555-5555-555555555555'),
  3,
  'its step states exist'
);

select * from finish();
rollback;
