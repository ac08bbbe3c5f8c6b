begin;
select plan(2);
select pgflow_tests.reset_db();

select pgmq.create('shared_name');
select lives_ok($$ select pgflow.create_flow('shared_name') $$, 'a flow can use a queue that already exists');
select is(
  (select count(*)::int from pgmq.list_queues() where queue_name = 'shared_name'),
  1,
  'the queue is not created twice'
);

select * from finish();
rollback;
