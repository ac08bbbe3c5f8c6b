begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('taskless');
select pgflow.add_step('taskless', 'producer');
select pgflow.add_step('taskless', 'm', array['producer'], step_type => 'map');
select pgflow.add_step('taskless', 'after', array['m']);
select run_id from pgflow.start_flow('taskless', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('taskless', 5, 1);
select pgflow.complete_task(:'run_id', 'producer', 0, '[]'::jsonb);

select is(
  (select row(status, output)::text from pgflow.step_states where step_slug = 'm'),
  row('completed', '[]'::jsonb)::text,
  'a map over an empty array completes with output []'
);
select is(
  (select input from pgflow_tests.read_and_start('taskless', 5, 1)),
  '{"m": []}'::jsonb,
  'its dependent sees [] as its input'
);

select * from finish();
rollback;
