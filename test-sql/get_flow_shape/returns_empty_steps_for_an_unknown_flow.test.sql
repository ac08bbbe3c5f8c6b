begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('stepless');

select is(pgflow._get_flow_shape('missing'), '{"steps": []}'::jsonb, 'an unknown flow has no steps');
select is(pgflow._get_flow_shape('stepless'), '{"steps": []}'::jsonb, 'so does a flow without steps');

select * from finish();
rollback;
