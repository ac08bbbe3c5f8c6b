begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'c', array['a']);
select pgflow.add_step('f', 'd', array['b', 'c']);
select pgflow.add_step('f', 'e', array['d']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select is(pgflow._cascade_force_skip_steps(:'run_id', 'a', 'handler_failed'), 5, 'each step is counted once');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 0, 'remaining_steps drops by five');
select is(pgflow_tests.count_realtime_events('step:skipped', :'run_id'::uuid), 5, 'one event per step');

select * from finish();
rollback;
