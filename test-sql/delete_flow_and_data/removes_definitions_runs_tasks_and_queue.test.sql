begin;
select plan(8);
select pgflow_tests.reset_db();

select pgflow.create_flow('doomed');
select pgflow.add_step('doomed', 'a');
select pgflow.add_step('doomed', 'b', array['a']);
insert into pgflow.runs (run_id, flow_slug, input) values ('00000000-0000-0000-0000-0000000000d1', 'doomed', '{}');
insert into pgflow.step_states (flow_slug, run_id, step_slug)
  values ('doomed', '00000000-0000-0000-0000-0000000000d1', 'a'), ('doomed', '00000000-0000-0000-0000-0000000000d1', 'b');
insert into pgflow.step_tasks (flow_slug, run_id, step_slug, message_id)
  values ('doomed', '00000000-0000-0000-0000-0000000000d1', 'a', 1);

select lives_ok($$ select pgflow.delete_flow_and_data('doomed') $$, 'deletes without raising');
select is((select count(*)::int from pgflow.step_tasks), 0, 'step_tasks are gone');
select is((select count(*)::int from pgflow.step_states), 0, 'step_states are gone');
select is((select count(*)::int from pgflow.runs), 0, 'runs are gone');
select is((select count(*)::int from pgflow.deps), 0, 'deps are gone');
select is((select count(*)::int from pgflow.steps), 0, 'steps are gone');
select is((select count(*)::int from pgflow.flows), 0, 'the flow is gone');
select ok(not exists (select 1 from pgmq.list_queues() where queue_name = 'doomed'), 'the queue is dropped');

select * from finish();
rollback;
