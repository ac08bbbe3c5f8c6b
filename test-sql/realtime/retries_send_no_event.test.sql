begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('retry_events', max_attempts => 3, base_delay => 0);
select pgflow.add_step('retry_events', 'flaky');
select run_id from pgflow.start_flow('retry_events', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('retry_events', 5, 1);

select count(*)::int as before_count from realtime.messages \gset
select pgflow.fail_task(:'run_id', 'flaky', 0, 'try again');

select is((select status from pgflow.step_tasks), 'queued', 'the task is queued for a retry');
select is((select count(*)::int from realtime.messages), :before_count, 'no event is sent for a retry');

select * from finish();
rollback;
