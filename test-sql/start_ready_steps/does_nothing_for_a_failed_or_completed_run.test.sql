begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots');

select run_id from pgflow.start_flow('two_roots', '{}'::jsonb) \gset

-- Pretend the roots completed while the run had already failed.
update pgflow.runs set status = 'failed', failed_at = now() where run_id = :'run_id';
update pgflow.step_states set remaining_deps = 0 where run_id = :'run_id' and step_slug = 'last';
select pgflow.start_ready_steps(:'run_id');

select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'last'),
  'created',
  'a failed run starts no step'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'last'),
  0,
  'and creates no task'
);

update pgflow.runs set status = 'completed', failed_at = null, completed_at = now() where run_id = :'run_id';
select pgflow.start_ready_steps(:'run_id');
select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'last'),
  'created',
  'a completed run starts no step'
);
select is(
  pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'last'),
  0,
  'no step:started event is sent'
);

select * from finish();
rollback;
