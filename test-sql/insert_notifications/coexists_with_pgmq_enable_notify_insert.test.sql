-- pgmq flavour: compat
-- A queue with pgmq's own insert notifications (pgmq >= 1.8's enable_notify_insert, which our
-- layer provides) and ours still gets one notification per transaction: both use the same channel
-- and empty payload, and PostgreSQL folds identical notifications of a transaction. Turning one
-- off leaves the other. (The pgmq 1.5.1 extension has no enable_notify_insert: compat only.)
begin;
select plan(2);

create extension if not exists dblink;
create function pg_temp.conninfo() returns text language sql as $$
  select format('dbname=%s user=%s port=%s host=%s', current_database(), current_user, current_setting('port'),
                coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1)))
$$;
-- Runs PL/pgSQL statements in the producer session, each call its own transaction.
create function pg_temp.produce(statements text) returns void language sql as $$
  select dblink_exec('producer', format('do %L', format('begin %s; end', statements)));
$$;
-- The listener's notifications up to and including the one on channel h_both_done (10 s at most).
create function pg_temp.notifications_until_done() returns table (ord int, channel text)
language plpgsql as $$
declare
  deadline timestamptz := clock_timestamp() + interval '10 seconds';
begin
  create temporary table if not exists got (ord serial, channel text);
  truncate got;
  loop
    insert into got (channel) select notify_name from dblink_get_notify('listener');
    exit when exists (select from got where got.channel = 'h_both_done') or clock_timestamp() > deadline;
    perform pg_sleep(0.01);
  end loop;
  return query select got.ord, got.channel from got order by got.ord;
end;
$$;

select dblink_connect('producer', pg_temp.conninfo());
select dblink_connect('listener', pg_temp.conninfo());
select pg_temp.produce($$perform pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_both'$$);
select pg_temp.produce($$perform pgmq.create('h_both')$$);
select pg_temp.produce($$perform pgmq.enable_notify_insert('h_both', 0), pgflow.enable_insert_notifications('h_both')$$);
select dblink_exec('listener', 'listen "pgmq.q_h_both.INSERT"');
select dblink_exec('listener', 'listen h_both_done');

select pg_temp.produce($$perform pgmq.send('h_both', '{}'); perform pgmq.send('h_both', '{}')$$);
select dblink_exec('producer', 'notify h_both_done');
select results_eq(
  $$select channel from pg_temp.notifications_until_done() order by ord$$,
  $$values ('pgmq.q_h_both.INSERT'), ('h_both_done')$$,
  'two triggers, two inserts, one transaction: one notification');

select pg_temp.produce($$perform pgmq.disable_notify_insert('h_both')$$);
select pg_temp.produce($$perform pgmq.send('h_both', '{}')$$);
select dblink_exec('producer', 'notify h_both_done');
select results_eq(
  $$select channel from pg_temp.notifications_until_done() order by ord$$,
  $$values ('pgmq.q_h_both.INSERT'), ('h_both_done')$$,
  'pgmq.disable_notify_insert leaves pgflow''s trigger notifying');

select pg_temp.produce($$perform pgmq.drop_queue('h_both')$$);
select dblink_disconnect('listener');
select dblink_disconnect('producer');

select * from finish();
rollback;
