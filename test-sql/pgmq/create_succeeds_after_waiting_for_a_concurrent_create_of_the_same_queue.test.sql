-- pgmq flavour: compat
-- Workers starting together all create their queue. Like pgmq 1.6+, our layer's create takes an
-- advisory lock per queue table: the second create waits for the first and then finds the tables,
-- instead of failing on a duplicate catalog row. Compat only: the pgmq 1.5.1 extension has no such
-- lock (create_racing_a_concurrent_create_of_the_same_queue_fails_on_a_duplicate_key).
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
-- True as soon as backend `waiter` waits for a lock held by backend `holder` (false after 10 s).
create function pg_temp.waits_for(waiter int, holder int) returns boolean language plpgsql as $$
declare
  deadline timestamptz := clock_timestamp() + interval '10 seconds';
begin
  loop
    if holder = any(pg_blocking_pids(waiter)) then
      return true;
    end if;
    exit when clock_timestamp() > deadline;
    perform pg_sleep(0.01);
  end loop;
  return false;
end;
$$;
select dblink_connect('first', pg_temp.conninfo());
select dblink_connect('second', pg_temp.conninfo());
select pid as first_pid from dblink('first', 'select pg_backend_pid()') as t(pid int) \gset
select pid as second_pid from dblink('second', 'select pg_backend_pid()') as t(pid int) \gset
-- In the second session: create the queue and return 'created', or the error's SQLSTATE and text.
select dblink_exec('second', $sql$create function pg_temp.try_create(q text) returns text language plpgsql as $f$
  begin
    perform pgmq.create(q);
    return 'created';
  exception when others then
    return sqlstate || ' ' || sqlerrm;
  end $f$ $sql$);
select pg_temp.peer_perform('first', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_race'$$);

select dblink_exec('first', 'begin');
select pg_temp.peer_perform('first', $$pgmq.create('h_race')$$);
select dblink_send_query('second', $$select pg_temp.try_create('h_race')$$);
select ok(pg_temp.waits_for(:second_pid, :first_pid), 'the second create waits for the first transaction');
select dblink_exec('first', 'commit');

select is((select outcome from dblink_get_result('second') as t(outcome text)), 'created', 'then it succeeds');
select * from dblink_get_result('second') as t(outcome text);
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race'$$) as t(n int)), 1,
          'and the queue is registered once');

select pg_temp.peer_perform('first', $$pgmq.drop_queue('h_race')$$);
select dblink_disconnect('first');
select dblink_disconnect('second');

select * from finish();
rollback;
