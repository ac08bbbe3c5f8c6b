-- pgmq's isolation spec with two dblink sessions, writer and reader. The queue must be committed
-- for both to see it, so it is created and dropped through them (this session only asserts).
begin;
select plan(6);

-- Reads on the reader session; lock_timeout makes a read that waits (instead of skipping) fail, not hang.
create function pg_temp.reader_read() returns setof bigint language sql as $$
  select id from dblink('reader', $q$select msg_id from pgmq.read('h_isolation', 0, 1)$q$) as t(id bigint);
$$;
select pgflow_tests.peer_connect('writer');
select pgflow_tests.peer_connect('reader');
select dblink_exec('reader', $$set lock_timeout = '5s'$$);
select pgflow_tests.peer_perform('writer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_isolation'$$);
select pgflow_tests.peer_perform('writer', $$pgmq.create('h_isolation')$$);

-- A message sent in an open transaction is invisible until that transaction commits.
select dblink_exec('writer', 'begin');
select is((select id from dblink('writer', $$select * from pgmq.send('h_isolation', '{"n": 1}')$$) as t(id bigint)), 1::bigint,
          'the writer sends message 1 without committing');
select is_empty($$select pg_temp.reader_read()$$, 'an uncommitted message cannot be read');
select dblink_exec('writer', 'commit');
select results_eq($$select pg_temp.reader_read()$$, array[1::bigint], 'it can be read once committed');

-- A message another transaction has read (and so locked) is skipped, not waited for.
select dblink_exec('writer', 'begin');
select is((select id from dblink('writer', $$select msg_id from pgmq.read('h_isolation', 0, 1)$$) as t(id bigint)), 1::bigint,
          'the writer reads message 1 and keeps its transaction open');
select dblink_exec('reader', 'begin');
select is_empty($$select pg_temp.reader_read()$$, 'the locked message is skipped');
select dblink_exec('writer', 'rollback');
select results_eq(
  $$select * from dblink('reader', 'select msg_id, read_ct from pgmq.read(''h_isolation'', 0, 1)') as t(id bigint, read_ct int)$$,
  $$values (1::bigint, 2)$$,
  'once the writer rolls back, the same reader transaction reads it; the rolled-back read is not counted');
select dblink_exec('reader', 'commit');

select pgflow_tests.peer_perform('writer', $$pgmq.drop_queue('h_isolation')$$);
select dblink_disconnect('reader');
select dblink_disconnect('writer');

select * from finish();
rollback;
