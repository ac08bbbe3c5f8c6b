begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'x');
select pgflow.add_step('f', 'c', array['a', 'x']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  row('created', 1)::text,
  'the child waits for its other dependency'
);
select count(*) from pgflow.complete_task(:'run_id', 'x', 0, '"x out"'::jsonb);
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  row('started', 0)::text,
  'it starts when the other dependency completes'
);
select is(
  (select input from pgflow_tests.read_and_start('f')),
  '{"x": "x out"}'::jsonb,
  'its input has only the completed dependency'
);

select * from finish();
rollback;
