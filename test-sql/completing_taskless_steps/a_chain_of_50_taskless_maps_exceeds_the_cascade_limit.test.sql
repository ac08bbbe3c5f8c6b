begin;
select plan(4);
select pgflow_tests.reset_db();

-- n taskless maps need n completing waves plus one empty pass: 49 fit in 50 iterations, 50 do not
select pgflow.create_flow('chain49');
select pgflow.add_step('chain49', 'm1', step_type => 'map');
select pgflow.add_step('chain49', 'm' || i, array['m' || (i - 1)], step_type => 'map') from generate_series(2, 49) as i;
select pgflow.create_flow('chain50');
select pgflow.add_step('chain50', 'm1', step_type => 'map');
select pgflow.add_step('chain50', 'm' || i, array['m' || (i - 1)], step_type => 'map') from generate_series(2, 50) as i;

select lives_ok($$select pgflow.start_flow('chain49', '[]'::jsonb)$$, 'a chain of 49 taskless maps completes');
select is(
  (select row(status, output)::text from pgflow.runs where flow_slug = 'chain49'),
  row('completed', '{"m49": []}'::jsonb)::text,
  'its run completed'
);
select throws_ok(
  $$select pgflow.start_flow('chain50', '[]'::jsonb)$$,
  'P0001',
  'Cascade loop exceeded safety limit of 50 iterations',
  'a chain of 50 raises the safety-limit error'
);
select is((select count(*)::int from pgflow.runs where flow_slug = 'chain50'), 0, 'the run was rolled back with the error');

select * from finish();
rollback;
