begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet');
select count(*) as before_events from realtime.messages \gset
select count(*) as before_archived from pgmq.a_f \gset

select is(pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet'), 0, 'the second call returns 0');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 0, 'remaining_steps is not decremented again');
select is((select count(*)::int from realtime.messages), :before_events::int, 'no new event');
select is((select count(*)::int from pgmq.a_f), :before_archived::int, 'nothing new archived');

select * from finish();
rollback;
