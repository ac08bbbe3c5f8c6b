begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('stored');
select pgflow.add_step('stored', 'm', step_type => 'map');
select pgflow.add_step('stored', 'after', array['m']);
select run_id from pgflow.start_flow('stored', '[1, 2]'::jsonb) \gset
select pgflow_tests.read_and_start('stored', 5, 10);

select pgflow.complete_task(:'run_id', 'm', 1, '"b"'::jsonb);
select pgflow.complete_task(:'run_id', 'm', 0, '"a"'::jsonb);

select is(
  pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm') -> 'output',
  (select output from pgflow.step_states where step_slug = 'm'),
  'step:completed carries the stored output'
);
select is(
  pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm') -> 'output',
  '["a", "b"]'::jsonb,
  'which is the ordered array'
);
select is(
  (select input from pgflow_tests.read_and_start('stored', 5, 1)),
  '{"m": ["a", "b"]}'::jsonb,
  'the dependent input is built from the stored output'
);

select * from finish();
rollback;
