begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots_left_right');
select run_id from pgflow.start_flow('two_roots_left_right', '"hello"'::jsonb) \gset

-- the two roots, then left and right
select count(*) from pgflow_tests.poll_and_complete('two_roots_left_right', 1, 10);
select is((select status from pgflow.runs where run_id = :'run_id'), 'started', 'the run waits for left and right');
select count(*) from pgflow_tests.poll_and_complete('two_roots_left_right', 1, 10);

select is(
  (select row(status, remaining_steps, completed_at = now(), failed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0, true, null::timestamptz)::text,
  'the run is completed'
);
select is(
  (select output from pgflow.runs where run_id = :'run_id'),
  jsonb_build_object(
    'disconnected_root', jsonb_build_object('input', '{}'::jsonb),
    'left', jsonb_build_object('input', '{"connected_root": {"input": {}}}'::jsonb),
    'right', jsonb_build_object('input', '{"connected_root": {"input": {}}}'::jsonb)
  ),
  'the output holds every leaf step output and no inner step'
);
select is(
  pgflow_tests.count_realtime_events('run:completed', :'run_id'::uuid),
  1,
  'run:completed was broadcast once'
);

select * from finish();
rollback;
