-- Workers starting together all create their queue. Like pgmq 1.6+, the second create waits for the
-- first and then finds the tables, instead of failing on a duplicate catalog row (pgmq 1.5.1 did).
begin;
select plan(3);

create extension if not exists dblink;
-- Runs `perform <expression>` on a dblink session (dblink_exec refuses statements returning rows).
create function pg_temp.peer_perform(conn text, expression text) returns void language sql as $$
  select dblink_exec(conn, format('do %L', format('begin perform %s; end', expression)));
$$;
create function pg_temp.conninfo() returns text language sql as $$
  select format('dbname=%s user=%s port=%s host=%s', current_database(), current_user, current_setting('port'),
                coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)))
$$;
select dblink_connect('first', pg_temp.conninfo());
select dblink_connect('second', pg_temp.conninfo());
select pg_temp.peer_perform('first', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_race'$$);

select dblink_exec('first', 'begin');
select pg_temp.peer_perform('first', $$pgmq.create('h_race')$$);
select dblink_send_query('second', $$select pgmq.create('h_race')$$);
select pg_sleep(0.3);
select is(dblink_is_busy('second'), 1, 'the second create waits for the first transaction');
select dblink_exec('first', 'commit');

select * from dblink_get_result('second', false) as t(created text);
select is(dblink_error_message('second'), 'OK', 'then it succeeds');
select * from dblink_get_result('second', false) as t(created text);
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race'$$) as t(n int)), 1,
          'and the queue is registered once');

select pg_temp.peer_perform('first', $$pgmq.drop_queue('h_race')$$);
select dblink_disconnect('first');
select dblink_disconnect('second');

select * from finish();
rollback;
