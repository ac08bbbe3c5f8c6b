begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
update pgflow.flows set opt_max_attempts = 1 where flow_slug = 'sequential';
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('sequential');

select is(pgflow_tests.count_realtime_events('step:failed', :'run_id'::uuid, 'first'), 1, 'step:failed was broadcast');
select is(
  (pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'first')) ->> 'error_message',
  'first FAILED',
  'with the task error'
);
select is(pgflow_tests.count_realtime_events('run:failed', :'run_id'::uuid), 1, 'run:failed was broadcast');

select * from finish();
rollback;
