begin;
select plan(5);
select pgflow_tests.reset_db();

select throws_ok(
  $$ select pgflow.create_flow('invalid-slug') $$,
  '23514',
  'new row for relation "flows" violates check constraint "slug_is_valid"',
  'a hyphen violates slug_is_valid'
);
select throws_ok(
  $$ select pgflow.create_flow('') $$,
  '23514',
  'new row for relation "flows" violates check constraint "slug_is_valid"',
  'the empty string violates slug_is_valid'
);
select throws_ok(
  $$ select pgflow.create_flow('run') $$,
  '23514',
  'new row for relation "flows" violates check constraint "slug_is_valid"',
  'the reserved word run violates slug_is_valid'
);
select throws_ok(
  $$ select pgflow.create_flow(repeat('a', 129)) $$,
  '23514',
  'new row for relation "flows" violates check constraint "slug_is_valid"',
  'a slug over 128 characters violates slug_is_valid, before the queue-name limit'
);
select is((select count(*)::int from pgmq.list_queues()), 0, 'no queue is left behind');

select * from finish();
rollback;
