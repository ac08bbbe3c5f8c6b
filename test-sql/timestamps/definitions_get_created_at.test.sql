begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select ok((select created_at = now() from pgflow.flows where flow_slug = 'sequential'), 'the flow has created_at');
select ok((select bool_and(created_at = now()) from pgflow.steps where flow_slug = 'sequential'), 'steps have created_at');
select ok((select bool_and(created_at = now()) from pgflow.deps where flow_slug = 'sequential'), 'deps have created_at');

select * from finish();
rollback;
