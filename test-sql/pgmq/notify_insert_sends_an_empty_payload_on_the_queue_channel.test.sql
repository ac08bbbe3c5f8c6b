-- pgmq flavour: compat
-- Our layer's pgmq 1.8 notify trigger notifies "pgmq.q_<name as created>.INSERT" (pgmq 1.13.1's
-- naming) with an empty payload. Compat only: pgmq 1.5.1 has no enable_notify_insert (pgflow's own
-- trigger, insert_notifications/, sends the same notifications on both flavours).
-- Notifications are delivered at commit, so a producer and a listener session run through dblink;
-- a last NOTIFY on another channel marks the end (notifications arrive in commit order), so the
-- test waits for events, not time.
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
-- Sends the end marker from the producer, then returns the listener's notifications up to and
-- including it (10 s at most).
create function pg_temp.notifications_until_done() returns table (ord int, channel text, payload text)
language plpgsql as $$
declare
  deadline timestamptz := clock_timestamp() + interval '10 seconds';
begin
  perform dblink_exec('producer', 'notify h_notify_done');
  create temporary table if not exists got (ord serial, channel text, payload text);
  truncate got;
  loop
    insert into got (channel, payload) select notify_name, extra from dblink_get_notify('listener');
    exit when exists (select from got where got.channel = 'h_notify_done') or clock_timestamp() > deadline;
    perform pg_sleep(0.01);
  end loop;
  return query select got.ord, got.channel, got.payload from got order by got.ord;
end;
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
select dblink_exec('listener', 'listen h_notify_done');

select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_temp.peer_perform('producer', $$pgmq.send_batch('H_Notify_Mixed', array['{}', '{}']::jsonb[])$$);
select results_eq($$select channel, payload from pg_temp.notifications_until_done() order by ord$$,
                  $$values ('pgmq.q_h_notify_lower.INSERT', ''), ('pgmq.q_H_Notify_Mixed.INSERT', ''), ('h_notify_done', '')$$,
                  'one notification per committing transaction, on pgmq.q_<name as created>.INSERT, with an empty payload');

select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select is((select count(*)::int from pg_temp.notifications_until_done() where channel = 'pgmq.q_h_notify_lower.INSERT'), 2,
          'throttle 0 announces every transaction');

select pg_temp.peer_perform('producer', $$pgmq.enable_notify_insert('h_notify_lower', 60000)$$);
select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select pg_temp.peer_perform('producer', $$pgmq.send('h_notify_lower', '{}')$$);
select is((select count(*)::int from pg_temp.notifications_until_done() where channel = 'pgmq.q_h_notify_lower.INSERT'), 1,
          'a throttle announces once per window');

select pg_temp.peer_perform('producer', $$pgmq.drop_queue('h_notify_lower'), pgmq.drop_queue('H_Notify_Mixed')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
