-- Everything start_flow does runs in the caller's transaction: an exception raised after the run,
-- its step states and its events were written leaves nothing behind.
begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow.create_flow('long_chain');
select pgflow.add_step('long_chain', 'm0', step_type => 'map');
do $$
begin
  for i in 1..50 loop
    perform pgflow.add_step('long_chain', 'm' || i, array['m' || (i - 1)], step_type => 'map');
  end loop;
end;
$$;

select throws_ok(
  $$ select * from pgflow.start_flow('long_chain', '[]'::jsonb) $$,
  'P0001',
  'Cascade loop exceeded safety limit of 50 iterations',
  'a 51-map taskless chain exceeds the cascade limit'
);
select is((select count(*)::int from pgflow.runs), 0, 'no run is left behind');
select is((select count(*)::int from pgflow.step_states), 0, 'no step state is left behind');
select is((select count(*)::int from realtime.messages), 0, 'no event is left behind');

select is(
  (select status from pgflow.start_flow('long_chain', '[1]'::jsonb)),
  'started',
  'the same flow still starts with a non-empty array'
);

select * from finish();
rollback;
