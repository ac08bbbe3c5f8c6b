-- pgmq flavour: extension
-- The pgmq 1.5.1 extension takes no lock in create: a second create of the same queue waits for the
-- first transaction (on the catalog row of the queue table's type) and then fails with 23505
-- instead of finding the tables. pgflow.create_flow takes its flow's advisory lock before it
-- creates the queue, so workers compiling the same flow together are not affected. (A bare
-- `pgmq.create(q) where not exists (select from pgmq.list_queues() ...)` from two sessions is.)
-- Extension only: our layer locks, like pgmq 1.6+
-- (create_succeeds_after_waiting_for_a_concurrent_create_of_the_same_queue). Pins pgmq 1.5.1.
begin;
select plan(7);

select is((select extversion from pg_extension where extname = 'pgmq'), '1.5.1', 'the pgmq 1.5.1 extension is installed');

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
-- In the second session: run a statement and return 'done', or the error's SQLSTATE and text.
select dblink_exec('second', $sql$create function pg_temp.try(statement text) returns text language plpgsql as $f$
  begin
    execute statement;
    return 'done';
  exception when others then
    return sqlstate || ' ' || sqlerrm;
  end $f$ $sql$);
select pg_temp.peer_perform('first', $$pgmq.drop_queue(queue_name) from pgmq.list_queues() where queue_name = 'h_race'$$);
select pg_temp.peer_perform('first', $$pgflow.delete_flow_and_data('h_race_flow')$$);

-- Two bare pgmq.create calls.
select dblink_exec('first', 'begin');
select pg_temp.peer_perform('first', $$pgmq.create('h_race')$$);
select dblink_send_query('second', $$select pg_temp.try('select pgmq.create(''h_race'')')$$);
select ok(pg_temp.waits_for(:second_pid, :first_pid), 'the second create waits for the first transaction');
select dblink_exec('first', 'commit');
select matches((select outcome from dblink_get_result('second') as t(outcome text)),
               '^23505 duplicate key value violates unique constraint ',
               'then it fails with a duplicate key (23505)');
select * from dblink_get_result('second') as t(outcome text);
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race'$$) as t(n int)), 1,
          'the queue the first created is registered once');

-- Two pgflow.create_flow calls for the same flow.
select dblink_exec('first', 'begin');
select pg_temp.peer_perform('first', $$pgflow.create_flow('h_race_flow')$$);
select dblink_send_query('second', $$select pg_temp.try('select pgflow.create_flow(''h_race_flow'')')$$);
select ok(pg_temp.waits_for(:second_pid, :first_pid), 'a second create_flow of the same flow waits for the first transaction');
select dblink_exec('first', 'commit');
select is((select outcome from dblink_get_result('second') as t(outcome text)), 'done', 'then it succeeds');
select * from dblink_get_result('second') as t(outcome text);
select is((select n from dblink('first', $$select count(*)::int from pgmq.list_queues() where queue_name = 'h_race_flow'$$) as t(n int)), 1,
          'and the flow''s queue is registered once');

select pg_temp.peer_perform('first', $$pgmq.drop_queue('h_race')$$);
select pg_temp.peer_perform('first', $$pgflow.delete_flow_and_data('h_race_flow')$$);
select dblink_disconnect('first');
select dblink_disconnect('second');

select * from finish();
rollback;
