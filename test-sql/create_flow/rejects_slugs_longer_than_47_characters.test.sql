begin;
select plan(4);
select pgflow_tests.reset_db();

-- Defect 21: pgmq queue names allow at most 47 characters, and the queue is named after the flow.
select throws_ok(
  format($$ select pgflow.create_flow(%L) $$, repeat('a', 48)),
  '22023',
  format('Flow slug "%s" is too long (48 characters): pgmq queue names allow at most 47 characters '
         'and the queue is named after the flow. Choose a slug of at most 47 characters.', repeat('a', 48)),
  'a 48-character slug is rejected with a message that names the limit and the fix'
);
select is((select count(*)::int from pgflow.flows), 0, 'no flow row is left behind');

select lives_ok(
  format($$ select pgflow.create_flow(%L) $$, repeat('b', 47)),
  'a 47-character slug is accepted'
);
select ok(
  exists (select 1 from pgmq.list_queues() where queue_name = repeat('b', 47)),
  'and gets its queue'
);

select * from finish();
rollback;
