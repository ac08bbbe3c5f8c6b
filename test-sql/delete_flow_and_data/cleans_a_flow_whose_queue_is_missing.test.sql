begin;
select plan(3);
select pgflow_tests.reset_db();

-- Defect 19: upstream raised `relation "pgmq.q_<slug>" does not exist` here.
select pgflow.create_flow('half_created');
select pgflow.add_step('half_created', 'a');
select pgmq.drop_queue('half_created');

select lives_ok($$ select pgflow.delete_flow_and_data('half_created') $$, 'a flow without its queue can be deleted');
select is((select count(*)::int from pgflow.flows), 0, 'the flow is gone');
select lives_ok($$ select pgflow.delete_flow_and_data('never_existed') $$, 'an unknown flow is a no-op');

select * from finish();
rollback;
