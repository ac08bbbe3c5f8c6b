begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('myflow');

-- Defect 21 reaches workers too: a flow named MyFlow would share pgmq.q_myflow with myflow.
select throws_like(
  $$ select pgflow.ensure_flow_compiled('MyFlow', '{"steps": []}') $$,
  'Flow slug "MyFlow" differs only in letter case from the existing flow "myflow"%',
  'compiling a case-insensitive duplicate raises the create_flow error'
);
select is((select count(*)::int from pgflow.flows), 1, 'no flow was added');

select * from finish();
rollback;
