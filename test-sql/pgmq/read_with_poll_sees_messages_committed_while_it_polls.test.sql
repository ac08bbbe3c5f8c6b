-- Each poll attempt is a new statement, so under READ COMMITTED it sees other sessions' commits.
-- The queue must be committed for both dblink sessions to see it; this session only asserts.
begin;
select plan(2);

select pgflow_tests.peer_connect('writer');
select pgflow_tests.peer_connect('reader');
select pgflow_tests.peer_perform('writer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_poll_commit'$$);
select pgflow_tests.peer_perform('writer', $$pgmq.create('h_poll_commit')$$);

-- The writer commits a message half a second from now, while the reader polls.
select dblink_send_query('writer', $$select pgmq.send('h_poll_commit', '{"late": true}') from pg_sleep(0.5)$$);
create temporary table started as select clock_timestamp() as at;
select results_eq(
  $$select * from dblink('reader', 'select msg_id, message from pgmq.read_with_poll(''h_poll_commit'', 10, 1, 5, 50)')
      as t(id bigint, message jsonb)$$,
  $$values (1::bigint, '{"late": true}'::jsonb)$$,
  'the message committed during the poll is returned');
select ok((select clock_timestamp() - at between interval '0.3 seconds' and interval '3 seconds' from started),
          'soon after the writer committed, well before max_poll_seconds');

select * from dblink_get_result('writer') as t(id bigint);
select * from dblink_get_result('writer') as t(id bigint);
select pgflow_tests.peer_perform('writer', $$pgmq.drop_queue('h_poll_commit')$$);
select dblink_disconnect('reader');
select dblink_disconnect('writer');

select * from finish();
rollback;
