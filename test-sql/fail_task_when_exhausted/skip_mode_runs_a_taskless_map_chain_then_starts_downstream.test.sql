begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', step_type => 'map', when_exhausted => 'skip');
select pgflow.add_step('f', 'm1', array['a'], step_type => 'map');
select pgflow.add_step('f', 'm2', array['m1'], step_type => 'map');
select pgflow.add_step('f', 'z', array['m2']);
select run_id from pgflow.start_flow('f', '[1, 2]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);
select count(*) from pgflow.fail_task(:'run_id', 'a', 1, 'boom');

select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['skipped', 'completed', 'completed', 'started'],
  'the skipped map feeds [] down the chain and z starts'
);
select is(
  (select array_agg(output order by step_slug) from pgflow.step_states where run_id = :'run_id' and step_slug in ('m1', 'm2')),
  array['[]'::jsonb, '[]'::jsonb],
  'both maps output []'
);
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 1, 'only z remains');

select * from finish();
rollback;
