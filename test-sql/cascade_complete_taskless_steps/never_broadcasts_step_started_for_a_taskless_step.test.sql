begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'm', step_type => 'map');
select pgflow.add_step('f', 'm2', array['m'], step_type => 'map');
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset

select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid), 0, 'no step:started event');
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 2, 'two step:completed events');

select * from finish();
rollback;
