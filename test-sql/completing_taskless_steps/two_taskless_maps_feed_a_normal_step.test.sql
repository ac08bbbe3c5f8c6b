begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm1', step_type => 'map');
select pgflow.add_step('f', 'm2', step_type => 'map');
select pgflow.add_step('f', 'join', array['m1', 'm2']);
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset

select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'join'),
  row('started', 0)::text,
  'the join started after both maps completed in one wave'
);
select is((select input from pgflow_tests.read_and_start('f')), '{"m1": [], "m2": []}'::jsonb, 'it sees both empty outputs');

select * from finish();
rollback;
