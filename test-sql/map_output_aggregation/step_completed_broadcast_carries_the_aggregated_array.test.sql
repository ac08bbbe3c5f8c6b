begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select run_id from pgflow.start_flow('agg', '[1, 2, 3]'::jsonb) \gset
select pgflow_tests.read_and_start('agg', 5, 10);

select pgflow.complete_task(:'run_id', 'm', i, to_jsonb(i)) from unnest(array[2, 0, 1]) as i;

select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'm'), 1, 'one step:completed for the map');
select is(
  pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm') -> 'output',
  '[0, 1, 2]'::jsonb,
  'it carries the ordered aggregated array'
);

select * from finish();
rollback;
