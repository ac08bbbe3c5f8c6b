begin;
select plan(3);
select pgflow_tests.reset_db();

select pgflow_tests.setup_flow('sequential');
select pgflow_tests.setup_flow('two_roots');
insert into pgflow.runs (flow_slug, input) values ('sequential', '{}'), ('two_roots', '{}');

select pgflow.delete_flow_and_data('sequential');

select results_eq(
  $$ select flow_slug from pgflow.flows $$,
  $$ values ('two_roots') $$,
  'the other flow remains'
);
select is((select count(*)::int from pgflow.runs where flow_slug = 'two_roots'), 1, 'with its runs');
select ok(exists (select 1 from pgmq.list_queues() where queue_name = 'two_roots'), 'and its queue');

select * from finish();
rollback;
