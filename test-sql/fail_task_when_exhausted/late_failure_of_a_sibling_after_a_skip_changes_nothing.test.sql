begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'm', step_type => 'map', when_exhausted => 'skip');
select pgflow.add_step('f', 'x');
select run_id from pgflow.start_flow('f', '[1, 2]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'm', 0, 'first');

select is(
  (select row(status, error_message)::text from pgflow.fail_task(:'run_id', 'm', 1, 'second')),
  row('skipped', null::text)::text,
  'the sibling stays skipped (defect 7) and gets no error'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'remaining_steps was not decremented again');
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  'first',
  'the step keeps the first error'
);
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid, 'm'), 1, 'one step:skipped event');

select * from finish();
rollback;
