-- Each poll attempt is a new statement, so under READ COMMITTED it sees other sessions' commits.
-- The queue must be committed for both dblink sessions to see it; this session only asserts.
begin;
select plan(2);

create extension if not exists dblink;
-- Runs `perform <expression>` on a dblink session (dblink_exec refuses statements returning rows).
create function pg_temp.peer_perform(conn text, expression text) returns void language sql as $$
  select dblink_exec(conn, format('do %L', format('begin perform %s; end', expression)));
$$;
create function pg_temp.conninfo() returns text language sql as $$
  select format('dbname=%s user=%s port=%s host=%s', current_database(), current_user, current_setting('port'),
                coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)))
$$;
select dblink_connect('writer', pg_temp.conninfo());
select dblink_connect('reader', pg_temp.conninfo());
select pg_temp.peer_perform('writer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_poll_commit'$$);
select pg_temp.peer_perform('writer', $$pgmq.create('h_poll_commit')$$);

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
select pg_temp.peer_perform('writer', $$pgmq.drop_queue('h_poll_commit')$$);
select dblink_disconnect('reader');
select dblink_disconnect('writer');

select * from finish();
rollback;
