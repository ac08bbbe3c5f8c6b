begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 3);
select pgflow.add_step('f', 'a');
select pgflow.start_flow('f', '{}'::jsonb);
select count(*) as before_events from realtime.messages \gset
select count(*) from pgflow_tests.poll_and_fail('f');

select is((select count(*)::int from realtime.messages), :before_events::int, 'no event was broadcast for the retry');

select * from finish();
rollback;
