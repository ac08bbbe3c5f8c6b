begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select pgflow.add_step('f', 'left', array['m']);
select pgflow.add_step('f', 'right', array['m']);
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array[row('left', 'started')::text, row('m', 'completed')::text, row('right', 'started')::text],
  'both normal dependents started'
);
select is(
  (select array_agg(input order by step_slug) from pgflow_tests.read_and_start('f', 1, 10)),
  array['{"m": []}'::jsonb, '{"m": []}'::jsonb],
  'each gets the empty map output'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 2, 'two steps remain');

select * from finish();
rollback;
