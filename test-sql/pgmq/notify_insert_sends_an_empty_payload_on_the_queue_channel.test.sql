-- Notifications are delivered at commit, so a producer and a listener session run through dblink.
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
select dblink_connect('producer', pg_temp.conninfo());
select dblink_connect('listener', pg_temp.conninfo());
select pg_temp.peer_perform('producer', $$pgmq.drop_queue(queue_name) from pgmq.list_queues()
                                          where queue_name in ('h_notify_lower', 'H_Notify_Mixed')$$);
select pg_temp.peer_perform('producer', $$pgmq.create('h_notify_lower'), pgmq.create('H_Notify_Mixed')$$);
select pg_temp.peer_perform('producer',
  $$pgmq.enable_notify_insert('h_notify_lower', 0), pgmq.enable_notify_insert('H_Notify_Mixed', 0)$$);
select dblink_exec('listener', 'listen "pgmq.q_h_notify_lower.INSERT"');
select dblink_exec('listener', 'listen "pgmq.q_H_Notify_Mixed.INSERT"');

select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_temp.peer_perform('producer', $$pgmq.send_batch('H_Notify_Mixed', array['{}', '{}']::jsonb[])$$);
select pg_sleep(0.3);
select bag_eq($$select notify_name, extra from dblink_get_notify('listener')$$,
              $$values ('pgmq.q_h_notify_lower.INSERT', ''), ('pgmq.q_H_Notify_Mixed.INSERT', '')$$,
              'one notification per committing transaction, on pgmq.q_<name as created>.INSERT, with an empty payload');

select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_sleep(0.3);
select is((select count(*)::int from dblink_get_notify('listener')), 2, 'throttle 0 announces every transaction');

select pg_temp.peer_perform('producer', $$pgmq.enable_notify_insert('h_notify_lower', 60000)$$);
select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_sleep(0.3);
select is((select count(*)::int from dblink_get_notify('listener')), 1, 'a throttle announces once per window');

select pg_temp.peer_perform('producer', $$pgmq.drop_queue('h_notify_lower'), pgmq.drop_queue('H_Notify_Mixed')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
