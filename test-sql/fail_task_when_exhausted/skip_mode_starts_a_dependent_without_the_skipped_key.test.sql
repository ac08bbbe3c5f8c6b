begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'b'),
  row('started', 0)::text,
  'the dependent lost its dependency and started'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'b' and status = 'queued'),
  1,
  'it has a queued task'
);
select is(
  (select input from pgflow_tests.read_and_start('f')),
  '{}'::jsonb,
  'the skipped dependency is absent from its input'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'b'), 1, 'step:started was broadcast');

select * from finish();
rollback;
