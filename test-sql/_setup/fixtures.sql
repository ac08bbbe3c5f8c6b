-- pgflow-ts pgTAP fixtures.
--
-- Loaded once per test database after every supabase/migrations/*.sql file (and `create extension
-- pgtap`). For the pg_cron tests it is instead run inside each test's own transaction, right after
-- the migrations. So this file:
--   * has no BEGIN/COMMIT, no psql meta-commands and nothing that cannot run inside a transaction;
--   * is idempotent (loading it twice changes nothing);
--   * needs the pgflow schema (tables and the pgflow.step_task_record type) to exist already; the
--     pgflow functions and pgmq are only resolved when a helper is called (all bodies are plpgsql).
--
-- Part 1 creates minimal stand-ins for the Supabase-only objects pgflow and its tests touch
-- (pgflow-sql.md Appendix A): realtime, vault and net. Each object is created only when it is
-- absent, so a real Supabase database keeps its own. There is deliberately no cron shim: the
-- tests that need pg_cron run against the real extension.
--
-- Part 2 creates schema pgflow_tests with the helpers of pgflow-sql.md §12.2 (same names,
-- signatures and defaults). The legacy realtime_calls mock is not provided.

do $$
begin
  if to_regclass('pgflow.flows') is null or to_regtype('pgflow.step_task_record') is null then
    raise exception 'fixtures.sql: the pgflow schema must be installed first (apply supabase/migrations)';
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 1a. realtime
-- ---------------------------------------------------------------------------------------------

do $$
begin
  if to_regnamespace('realtime') is null then
    create schema realtime;
  end if;
end;
$$;

do $$
begin
  if to_regclass('realtime.messages') is null then
    create table realtime.messages (
      topic text not null,
      extension text not null,
      payload jsonb,
      event text,
      private boolean default false,
      updated_at timestamp without time zone default now(),
      inserted_at timestamp without time zone not null default now(),
      id uuid not null default gen_random_uuid(),
      constraint messages_pkey primary key (id, inserted_at)
    );
  end if;

  if to_regprocedure('realtime.send(jsonb, text, text, boolean)') is null then
    -- Broadcast shim: stores the message the way Supabase Realtime's send() does, so tests can
    -- read events back from realtime.messages. Never raises: any error becomes a WARNING.
    create function realtime.send(
      payload jsonb,
      event text,
      topic text,
      private boolean default true
    )
    returns void
    language plpgsql
    volatile
    set search_path = ''
    as $fn$
    declare
      v_id uuid := gen_random_uuid();
      v_payload jsonb := payload;
    begin
      begin
        if jsonb_typeof(v_payload) = 'object' and not (v_payload ? 'id') then
          v_payload := v_payload || jsonb_build_object('id', v_id);
        end if;

        perform set_config('realtime.topic', topic, true);

        insert into realtime.messages (id, payload, event, topic, private, extension)
        values (v_id, v_payload, send.event, send.topic, send.private, 'broadcast');
      exception
        when others then
          raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
      end;
    end;
    $fn$;
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 1b. vault (supabase_vault); secrets are stored in clear text, this is a test shim
-- ---------------------------------------------------------------------------------------------

do $$
begin
  if to_regnamespace('vault') is null then
    create schema vault;
  end if;
end;
$$;

do $$
begin
  if to_regclass('vault.secrets') is null then
    create table vault.secrets (
      id uuid not null default gen_random_uuid(),
      name text,
      secret text,
      created_at timestamptz not null default now(),
      constraint secrets_pkey primary key (id),
      constraint secrets_name_key unique (name)
    );
  end if;

  if to_regclass('vault.decrypted_secrets') is null then
    create view vault.decrypted_secrets as
      select s.id, s.name, s.secret as decrypted_secret
      from vault.secrets s;
  end if;

  if to_regprocedure('vault.create_secret(text, text, text, uuid)') is null then
    create function vault.create_secret(
      new_secret text,
      new_name text default null,
      new_description text default '',
      new_key_id uuid default null
    )
    returns uuid
    language plpgsql
    volatile
    set search_path = ''
    as $fn$
    declare
      v_id uuid;
    begin
      insert into vault.secrets (name, secret)
      values (new_name, new_secret)
      returning id into v_id;
      return v_id;
    end;
    $fn$;
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 1c. net (pg_net); requests are only queued, never sent
-- ---------------------------------------------------------------------------------------------

do $$
begin
  if to_regnamespace('net') is null then
    create schema net;
  end if;
end;
$$;

do $$
begin
  if to_regclass('net.http_request_queue') is null then
    create table net.http_request_queue (
      id bigserial not null,
      method text,
      url text,
      headers jsonb,
      body bytea,
      timeout_milliseconds integer,
      constraint http_request_queue_pkey primary key (id)
    );
  end if;

  if to_regclass('net._http_response') is null then
    create table net._http_response (
      id bigint,
      status_code integer,
      content text,
      created timestamptz default now()
    );
  end if;

  if to_regprocedure('net.http_post(text, jsonb, jsonb, jsonb, integer)') is null then
    create function net.http_post(
      url text,
      body jsonb default '{}'::jsonb,
      params jsonb default '{}'::jsonb,
      headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
      timeout_milliseconds integer default 5000
    )
    returns bigint
    language plpgsql
    volatile
    set search_path = ''
    as $fn$
    declare
      v_id bigint;
    begin
      insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
      values (
        'POST',
        http_post.url,
        http_post.headers,
        convert_to(coalesce(http_post.body, '{}'::jsonb)::text, 'UTF8'),
        http_post.timeout_milliseconds
      )
      returning id into v_id;
      return v_id;
    end;
    $fn$;
  end if;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 2. pgflow_tests helpers (pgflow-sql.md §12.2)
-- ---------------------------------------------------------------------------------------------

do $$
begin
  if to_regnamespace('pgflow_tests') is null then
    create schema pgflow_tests;
  end if;
end;
$$;

-- Empties every pgflow table except workers, the realtime messages, and drops every pgmq queue.
create or replace function pgflow_tests.reset_db()
returns void
language plpgsql
volatile
as $$
declare
  v_queue text;
begin
  delete from pgflow.step_tasks;
  delete from pgflow.step_states;
  delete from pgflow.runs;
  delete from pgflow.deps;
  delete from pgflow.steps;
  delete from pgflow.flows;
  delete from pgflow.worker_functions;

  begin
    delete from realtime.messages;
  exception
    when undefined_table then null;
  end;

  for v_queue in select q.queue_name from pgmq.list_queues() q loop
    perform pgmq.drop_queue(v_queue);
  end loop;
end;
$$;

-- Defines one of the predefined test flows.
create or replace function pgflow_tests.setup_flow(flow_slug text)
returns void
language plpgsql
volatile
as $$
begin
  case setup_flow.flow_slug
    when 'sequential' then
      perform pgflow.create_flow('sequential', timeout => 1);
      perform pgflow.add_step('sequential', 'first');
      perform pgflow.add_step('sequential', 'second', array['first']);
      perform pgflow.add_step('sequential', 'last', array['second']);

    when 'sequential_other' then
      perform pgflow.create_flow('other');
      perform pgflow.add_step('other', 'first');
      perform pgflow.add_step('other', 'second', array['first']);
      perform pgflow.add_step('other', 'last', array['second']);

    when 'two_roots' then
      perform pgflow.create_flow('two_roots');
      perform pgflow.add_step('two_roots', 'root_a');
      perform pgflow.add_step('two_roots', 'root_b');
      perform pgflow.add_step('two_roots', 'last', array['root_a', 'root_b']);

    when 'two_roots_left_right' then
      perform pgflow.create_flow('two_roots_left_right');
      perform pgflow.add_step('two_roots_left_right', 'connected_root');
      perform pgflow.add_step('two_roots_left_right', 'disconnected_root');
      perform pgflow.add_step('two_roots_left_right', 'left', array['connected_root']);
      perform pgflow.add_step('two_roots_left_right', 'right', array['connected_root']);

    else
      raise exception 'Unknown test flow: %', setup_flow.flow_slug;
  end case;
end;
$$;

-- Upserts a worker row (refreshing its heartbeat, queue and function) and returns its id.
create or replace function pgflow_tests.ensure_worker(
  queue_name text,
  worker_uuid uuid default '11111111-1111-1111-1111-111111111111'::uuid,
  function_name text default 'test_worker'
)
returns uuid
language plpgsql
volatile
as $$
begin
  insert into pgflow.workers as w (worker_id, queue_name, function_name, last_heartbeat_at)
  values (ensure_worker.worker_uuid, ensure_worker.queue_name, ensure_worker.function_name, now())
  on conflict (worker_id) do update
    set last_heartbeat_at = now(),
        queue_name = excluded.queue_name,
        function_name = excluded.function_name;

  return ensure_worker.worker_uuid;
end;
$$;

-- The two-phase worker protocol in one call: read messages, then start their tasks.
create or replace function pgflow_tests.read_and_start(
  flow_slug text,
  vt integer default 1,
  qty integer default 1,
  worker_uuid uuid default '11111111-1111-1111-1111-111111111111'::uuid,
  function_name text default 'test_worker'
)
returns setof pgflow.step_task_record
language plpgsql
volatile
as $$
declare
  v_worker_id uuid;
  v_msg_ids bigint[];
begin
  v_worker_id := pgflow_tests.ensure_worker(
    read_and_start.flow_slug, read_and_start.worker_uuid, read_and_start.function_name
  );

  select array_agg(m.msg_id)
    into v_msg_ids
    from pgmq.read_with_poll(read_and_start.flow_slug, read_and_start.vt, read_and_start.qty, 1, 50) m;

  return query
    select * from pgflow.start_tasks(read_and_start.flow_slug, v_msg_ids, v_worker_id);
end;
$$;

-- read_and_start, then fail every started task (always task_index 0) with '<step_slug> FAILED'.
create or replace function pgflow_tests.poll_and_fail(
  flow_slug text,
  vt integer default 1,
  qty integer default 1
)
returns setof pgflow.step_tasks
language plpgsql
volatile
as $$
declare
  v_task pgflow.step_task_record;
begin
  for v_task in
    select * from pgflow_tests.read_and_start(poll_and_fail.flow_slug, poll_and_fail.vt, poll_and_fail.qty)
  loop
    return query
      select * from pgflow.fail_task(v_task.run_id, v_task.step_slug, 0, v_task.step_slug || ' FAILED');
  end loop;
end;
$$;

-- read_and_start, then complete every started task (always task_index 0) with {"input": <task input>}.
create or replace function pgflow_tests.poll_and_complete(
  flow_slug text,
  vt integer default 1,
  qty integer default 1
)
returns setof pgflow.step_tasks
language plpgsql
volatile
as $$
declare
  v_task pgflow.step_task_record;
begin
  for v_task in
    select * from pgflow_tests.read_and_start(
      poll_and_complete.flow_slug, poll_and_complete.vt, poll_and_complete.qty
    )
  loop
    return query
      select * from pgflow.complete_task(
        v_task.run_id, v_task.step_slug, 0, jsonb_build_object('input', v_task.input)
      );
  end loop;
end;
$$;

-- Live queue messages of a step's tasks, with their visibility delay in whole seconds.
create or replace function pgflow_tests.message_timing(step_slug text, queue_name text)
returns table (
  msg_id bigint,
  read_ct integer,
  enqueued_at timestamptz,
  vt timestamptz,
  message jsonb,
  vt_seconds integer
)
language plpgsql
volatile
as $$
begin
  return query execute format(
    $q$
      select q.msg_id, q.read_ct, q.enqueued_at, q.vt, q.message,
             (extract(epoch from (q.vt - q.enqueued_at)))::integer as vt_seconds
        from pgmq.%I q
        join pgflow.step_tasks st on st.message_id = q.msg_id
       where st.step_slug = $1
         and st.flow_slug = $2
       order by q.msg_id
    $q$,
    pgmq.format_table_name(message_timing.queue_name, 'q')
  ) using message_timing.step_slug, message_timing.queue_name;
end;
$$;

-- Makes every hidden message of a queue visible now (skips backoff waits); returns how many.
create or replace function pgflow_tests.reset_message_visibility(queue_name text)
returns integer
language plpgsql
volatile
as $$
declare
  v_count integer;
begin
  execute format(
    'update pgmq.%I set vt = clock_timestamp() where vt > clock_timestamp()',
    pgmq.format_table_name(reset_message_visibility.queue_name, 'q')
  );
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- pgTAP is() on the visibility delay of the step's (first) message.
create or replace function pgflow_tests.assert_retry_delay(
  queue_name text,
  step_slug text,
  expected_delay integer,
  description text
)
returns text
language plpgsql
volatile
as $$
begin
  return is(
    (select t.vt_seconds
       from pgflow_tests.message_timing(assert_retry_delay.step_slug, assert_retry_delay.queue_name) t
      order by t.msg_id
      limit 1),
    assert_retry_delay.expected_delay,
    assert_retry_delay.description
  );
end;
$$;

-- Backdating helpers for the prune tests. Each marks the flow's runs with the named status and
-- moves the runs, step_states and step_tasks timestamps to about days_old days ago, keeping every
-- CHECK ordering valid: created/queued at base - 2h, started at base - 1h (when set), finished
-- (completed/failed/skipped) at base (when set). Step and task statuses are left as they are.
create or replace function pgflow_tests._backdate_flow_children(p_flow_slug text, p_base timestamptz)
returns void
language plpgsql
volatile
as $$
begin
  update pgflow.step_states ss
     set created_at = p_base - interval '2 hours',
         started_at = case when ss.started_at is null then null else p_base - interval '1 hour' end,
         completed_at = case when ss.completed_at is null then null else p_base end,
         failed_at = case when ss.failed_at is null then null else p_base end,
         skipped_at = case when ss.skipped_at is null then null else p_base end
   where ss.flow_slug = p_flow_slug;

  update pgflow.step_tasks st
     set queued_at = p_base - interval '2 hours',
         started_at = case when st.started_at is null then null else p_base - interval '1 hour' end,
         completed_at = case when st.completed_at is null then null else p_base end,
         failed_at = case when st.failed_at is null then null else p_base end,
         last_requeued_at = case when st.last_requeued_at is null then null
                                 else p_base - interval '1 hour' end,
         permanently_stalled_at = case when st.permanently_stalled_at is null then null else p_base end
   where st.flow_slug = p_flow_slug;
end;
$$;

create or replace function pgflow_tests.set_completed_flow_timestamps(p_flow_slug text, days_old integer)
returns void
language plpgsql
volatile
as $$
declare
  v_base timestamptz := now() - make_interval(days => days_old);
begin
  update pgflow.runs r
     set status = 'completed',
         started_at = v_base - interval '1 hour',
         completed_at = v_base,
         failed_at = null
   where r.flow_slug = p_flow_slug;

  perform pgflow_tests._backdate_flow_children(p_flow_slug, v_base);
end;
$$;

create or replace function pgflow_tests.set_failed_flow_timestamps(p_flow_slug text, days_old integer)
returns void
language plpgsql
volatile
as $$
declare
  v_base timestamptz := now() - make_interval(days => days_old);
begin
  update pgflow.runs r
     set status = 'failed',
         started_at = v_base - interval '1 hour',
         completed_at = null,
         failed_at = v_base
   where r.flow_slug = p_flow_slug;

  perform pgflow_tests._backdate_flow_children(p_flow_slug, v_base);
end;
$$;

create or replace function pgflow_tests.set_running_flow_timestamps(p_flow_slug text, days_old integer)
returns void
language plpgsql
volatile
as $$
declare
  v_base timestamptz := now() - make_interval(days => days_old);
begin
  update pgflow.runs r
     set status = 'started',
         started_at = v_base - interval '1 hour',
         completed_at = null,
         failed_at = null
   where r.flow_slug = p_flow_slug;

  perform pgflow_tests._backdate_flow_children(p_flow_slug, v_base);
end;
$$;

-- Realtime lookups. "Latest" = last inserted: inserted_at defaults to now(), which is the same for
-- every row of one transaction, so ties are broken by physical insertion order.
create or replace function pgflow_tests.get_realtime_message(
  event_type text,
  run_id uuid,
  step_slug text default null
)
returns realtime.messages
language plpgsql
volatile
as $$
declare
  v_row realtime.messages;
begin
  select m.* into v_row
    from realtime.messages m
   where m.payload ->> 'event_type' = get_realtime_message.event_type
     and m.payload ->> 'run_id' = get_realtime_message.run_id::text
     and (get_realtime_message.step_slug is null
          or m.payload ->> 'step_slug' = get_realtime_message.step_slug)
   order by m.inserted_at desc, m.ctid desc
   limit 1;
  return v_row;
end;
$$;

create or replace function pgflow_tests.find_realtime_event(
  event_type text,
  run_id uuid,
  step_slug text default null
)
returns jsonb
language plpgsql
volatile
as $$
begin
  return (
    select m.payload
      from realtime.messages m
     where m.payload ->> 'event_type' = find_realtime_event.event_type
       and m.payload ->> 'run_id' = find_realtime_event.run_id::text
       and (find_realtime_event.step_slug is null
            or m.payload ->> 'step_slug' = find_realtime_event.step_slug)
     order by m.inserted_at desc, m.ctid desc
     limit 1
  );
end;
$$;

create or replace function pgflow_tests.count_realtime_events(
  event_type text,
  run_id uuid,
  step_slug text default null
)
returns integer
language plpgsql
volatile
as $$
begin
  return (
    select count(*)::integer
      from realtime.messages m
     where m.payload ->> 'event_type' = count_realtime_events.event_type
       and m.payload ->> 'run_id' = count_realtime_events.run_id::text
       and (count_realtime_events.step_slug is null
            or m.payload ->> 'step_slug' = count_realtime_events.step_slug)
  );
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 3. Second sessions (dblink), for tests of locks, concurrency and notifications
-- ---------------------------------------------------------------------------------------------
-- A test runs in one transaction that is rolled back, so whatever other sessions must see (or
-- whose commit must fire notifications) runs in a second session opened with dblink.

create extension if not exists dblink;

-- Opens the dblink connection `name` to this database as this user; returns its backend pid.
create or replace function pgflow_tests.peer_connect(name text)
returns integer
language plpgsql
volatile
as $$
begin
  perform dblink_connect(peer_connect.name, format('dbname=%s user=%s port=%s host=%s',
    current_database(), current_user, current_setting('port'),
    coalesce(host(inet_server_addr()), split_part(current_setting('unix_socket_directories'), ',', 1))));
  return (select t.pid from dblink(peer_connect.name, 'select pg_backend_pid()') as t(pid int));
end;
$$;

-- Runs `perform <expression>` in session `name`, in its own transaction unless one is open there
-- (dblink_exec refuses statements that return rows).
create or replace function pgflow_tests.peer_perform(name text, expression text)
returns void
language plpgsql
volatile
as $$
begin
  perform dblink_exec(peer_perform.name, format('do %L', format('begin perform %s; end', peer_perform.expression)));
end;
$$;

-- Starts `statement` in session `name` without waiting for it; pgflow_tests.peer_outcome collects
-- how it ended.
create or replace function pgflow_tests.peer_send(name text, statement text)
returns void
language plpgsql
volatile
as $$
begin
  perform dblink_exec(peer_send.name, $sql$
    create or replace function pg_temp.outcome_of(statement text) returns text language plpgsql as $f$
    begin
      execute statement;
      return 'done';
    exception when others then
      return sqlstate || ' ' || sqlerrm;
    end $f$ $sql$);
  perform dblink_send_query(peer_send.name, format('select pg_temp.outcome_of(%L)', peer_send.statement));
end;
$$;

-- How the statement of pgflow_tests.peer_send ended: 'done', or the error's SQLSTATE and text.
create or replace function pgflow_tests.peer_outcome(name text)
returns text
language plpgsql
volatile
as $$
declare
  v_outcome text := (select t.outcome from dblink_get_result(peer_outcome.name) as t(outcome text));
begin
  perform * from dblink_get_result(peer_outcome.name) as t(outcome text); -- the end of the query
  return v_outcome;
end;
$$;

-- True as soon as backend `waiter` waits for a lock held by backend `holder` (false after 10 s).
create or replace function pgflow_tests.waits_for(waiter integer, holder integer)
returns boolean
language plpgsql
volatile
as $$
declare
  deadline timestamptz := clock_timestamp() + interval '10 seconds';
begin
  loop
    if waits_for.holder = any(pg_blocking_pids(waits_for.waiter)) then
      return true;
    end if;
    exit when clock_timestamp() > deadline;
    perform pg_sleep(0.01);
  end loop;
  return false;
end;
$$;

-- The notifications session `name` received, in order, up to and including the first one on
-- channel `marker` (10 s at most). Notifications arrive in commit order, so a NOTIFY on the marker
-- committed after the transactions under test ends the wait without guessing a delay.
create or replace function pgflow_tests.peer_notifications_until(name text, marker text)
returns table (channel text, payload text)
language plpgsql
volatile
as $$
declare
  deadline timestamptz := clock_timestamp() + interval '10 seconds';
  v_channels text[] := '{}';
  v_payloads text[] := '{}';
begin
  loop
    select v_channels || coalesce(array_agg(n.notify_name order by n.ord), '{}'),
           v_payloads || coalesce(array_agg(n.extra order by n.ord), '{}')
      into v_channels, v_payloads
      from dblink_get_notify(peer_notifications_until.name) with ordinality as n(notify_name, be_pid, extra, ord);
    exit when peer_notifications_until.marker = any(v_channels) or clock_timestamp() > deadline;
    perform pg_sleep(0.01);
  end loop;
  return query select c.channel, c.payload from unnest(v_channels, v_payloads) as c(channel, payload);
end;
$$;

-- The error `statement` raises, as {sqlstate, message, detail, hint, constraint} (the diagnostics
-- pgTAP's throws_ok does not show), or NULL when it succeeds. The statement runs in a
-- subtransaction that is rolled back, so it leaves nothing behind either way.
create or replace function pgflow_tests.error_of(statement text)
returns jsonb
language plpgsql
volatile
as $$
declare
  v_state text;
  v_message text;
  v_detail text;
  v_hint text;
  v_constraint text;
begin
  begin
    execute error_of.statement;
  exception when others then
    get stacked diagnostics v_state = returned_sqlstate, v_message = message_text,
      v_detail = pg_exception_detail, v_hint = pg_exception_hint, v_constraint = constraint_name;
    return jsonb_build_object('sqlstate', v_state, 'message', v_message, 'detail', nullif(v_detail, ''),
                              'hint', nullif(v_hint, ''), 'constraint', nullif(v_constraint, ''));
  end;
  return null;
end;
$$;
