begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '{"not": "array"}'::jsonb);

select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  row('failed', null::text)::text,
  'the step fails although when_exhausted is skip'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run fails hard');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 0, 'nothing is skipped');

select * from finish();
rollback;
