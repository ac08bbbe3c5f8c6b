begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('chain');
select pgflow.add_step('chain', 'm1', step_type => 'map');
select pgflow.add_step('chain', 'm' || i, array['m' || (i - 1)], step_type => 'map') from generate_series(2, 49) as i;

select clock_timestamp() as t0 \gset
select pgflow.start_flow('chain', '[]'::jsonb);
select ok(
  clock_timestamp() - :'t0'::timestamptz < interval '5 seconds',
  'a 49-map cascade takes less than 5 s'
);

select * from finish();
rollback;
