-- The same text as pgmq.enable_notify_insert for a queue that does not exist.
begin;
select plan(2);

select throws_ok(
  $$select pgflow.enable_insert_notifications('h_no_such_queue')$$,
  'P0001', 'Queue "h_no_such_queue" does not exist. Create it first using pgmq.create()',
  'an unknown queue is rejected with pgmq''s text');
select throws_ok(
  $$select pgflow.enable_insert_notifications('bad;name')$$,
  'P0001', E'queue name contains invalid characters: $, ;, --, or \\''',
  'a name with injection characters is rejected by pgmq.format_table_name');

select * from finish();
rollback;
