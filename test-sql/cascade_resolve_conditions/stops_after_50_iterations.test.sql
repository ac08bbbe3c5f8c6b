begin;
select plan(4);
select pgflow_tests.reset_db();

-- a chain of conditional steps that are all unmet: each pass skips one step and makes the next one
-- ready, so a chain of n steps needs n passes plus one that finds nothing
select pgflow.create_flow('chain49');
select pgflow.add_step('chain49', 's1', required_input_pattern => '{"never": true}');
select pgflow.add_step('chain49', 's' || i, array['s' || (i - 1)], required_input_pattern => '{"never": true}')
  from generate_series(2, 49) as i;
select pgflow.create_flow('chain50');
select pgflow.add_step('chain50', 's1', required_input_pattern => '{"never": true}');
select pgflow.add_step('chain50', 's' || i, array['s' || (i - 1)], required_input_pattern => '{"never": true}')
  from generate_series(2, 50) as i;

select lives_ok(
  $$select pgflow.start_flow('chain49', '{}'::jsonb)$$,
  'a chain of 49 conditional skips resolves'
);
select is(
  (select row(status, output)::text from pgflow.runs where flow_slug = 'chain49'),
  row('completed', '{}'::jsonb)::text,
  'and the all-skipped run completes'
);
select throws_ok(
  $$select pgflow.start_flow('chain50', '{}'::jsonb)$$,
  'P0001',
  'cascade_resolve_conditions exceeded safety limit of 50 iterations',
  'a chain of 50 exceeds the safety limit'
);
select is((select count(*)::int from pgflow.runs where flow_slug = 'chain50'), 0, 'the failed start left no run');

select * from finish();
rollback;
