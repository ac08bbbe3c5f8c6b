-- Inserts into a queue with pgflow_notify_insert notify "pgmq.q_<name as created>.INSERT" with an
-- empty payload, once per committing transaction, on either pgmq flavour. Notifications arrive at
-- commit, so a producer and a listener session run through dblink; a last NOTIFY on another channel
-- marks the end (notifications arrive in commit order), so the test waits for events, not time.
begin;
select plan(1);

create extension if not exists dblink;
create function pg_temp.conninfo() returns text language sql as $$
  select format('dbname=%s user=%s port=%s host=%s', current_database(), current_user, current_setting('port'),
                coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)))
$$;
-- Runs PL/pgSQL statements in the producer session, each call its own transaction.
create function pg_temp.produce(statements text) returns void language sql as $$
  select dblink_exec('producer', format('do %L', format('begin %s; end', statements)));
$$;
-- The listener's notifications up to and including the one on channel h_ins_done (10 s at most).
create function pg_temp.notifications_until_done() returns table (ord int, channel text, payload text)
language plpgsql as $$
declare
  deadline timestamptz := clock_timestamp() + interval '10 seconds';
begin
  create temporary table if not exists got (ord serial, channel text, payload text);
  loop
    insert into got (channel, payload) select notify_name, extra from dblink_get_notify('listener');
    exit when exists (select from got where got.channel = 'h_ins_done') or clock_timestamp() > deadline;
    perform pg_sleep(0.01);
  end loop;
  return query select got.ord, got.channel, got.payload from got order by got.ord;
end;
$$;

select dblink_connect('producer', pg_temp.conninfo());
select dblink_connect('listener', pg_temp.conninfo());
select pg_temp.produce($$perform pgmq.drop_queue(queue_name) from pgmq.list_queues()
                         where queue_name in ('h_ins_lower', 'H_Ins_Mixed')$$);
select pg_temp.produce($$perform pgmq.create('h_ins_lower'), pgmq.create('H_Ins_Mixed')$$);
select pg_temp.produce($$perform pgflow.enable_insert_notifications('h_ins_lower'),
                               pgflow.enable_insert_notifications('H_Ins_Mixed')$$);
select dblink_exec('listener', 'listen "pgmq.q_h_ins_lower.INSERT"');
select dblink_exec('listener', 'listen "pgmq.q_H_Ins_Mixed.INSERT"');
select dblink_exec('listener', 'listen h_ins_done');

select pg_temp.produce($$perform pgmq.send('h_ins_lower', '{}')$$);
select pg_temp.produce($$perform pgmq.send_batch('H_Ins_Mixed', array['{}', '{}', '{}']::jsonb[])$$);
select pg_temp.produce($$perform pgmq.send('h_ins_lower', '{}'); perform pgmq.send('h_ins_lower', '{}')$$);
select dblink_exec('producer', 'begin');
select pg_temp.produce($$perform pgmq.send('h_ins_lower', '{}')$$);
select dblink_exec('producer', 'rollback');
select dblink_exec('producer', 'notify h_ins_done');

select results_eq(
  $$select channel, payload from pg_temp.notifications_until_done() order by ord$$,
  $$values ('pgmq.q_h_ins_lower.INSERT', ''), ('pgmq.q_H_Ins_Mixed.INSERT', ''),
           ('pgmq.q_h_ins_lower.INSERT', ''), ('h_ins_done', '')$$,
  'one notification per committed transaction (a batch or two sends in one: one), none for a rollback, channel named as created');

select pg_temp.produce($$perform pgmq.drop_queue('h_ins_lower'), pgmq.drop_queue('H_Ins_Mixed')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
