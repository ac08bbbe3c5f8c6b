-- pgmq: the message queue pgflow runs on.
--
-- Which pgmq ends up installed (docs/pgmq.md explains each case):
--   1. the pgmq extension is installed          -> use it; if older than 1.5.0 (no message_record.headers),
--                                                  update it to an available >= 1.5.1 or fail;
--   2. our compatible layer is installed        -> re-apply it (every statement is idempotent);
--   3. another SQL-only pgmq owns schema pgmq   -> use it if it has message_record.headers, else fail;
--   4. pgmq >= 1.5.1 is available on the server -> CREATE EXTENSION pgmq WITH SCHEMA pgmq;
--   5. otherwise                                -> install our pgmq 1.5.1-compatible layer.
-- The setting pgflow.pgmq_flavour overrides steps 4 and 5 of a first install: 'compat' installs the
-- layer even where the extension is available, 'extension' fails unless the extension is used;
-- unset, '' or 'auto' choose as above. It never converts an installed flavour: a mismatch fails.
-- `select extversion from pg_extension where extname = 'pgmq'` returns a row for the extension and
-- none for our layer; our layer also marks schema pgmq with a comment (the guard of every block).
--
-- The layer is plain SQL and PL/pgSQL so it also runs on PGlite. Every function is SECURITY INVOKER
-- and names every object with its schema, so it works for callers with search_path = ''.
-- The DO blocks exist only to skip the layer when the extension is used: PostgreSQL has no
-- CREATE ... IF for that, and the file must stay plain SQL for psql, the Supabase CLI and our installer.

-- Steps 1 to 5: settle the flavour; only steps 1 and 4 act here.
do $flavour$
declare
  installed text := (select extversion from pg_extension where extname = 'pgmq');
  has_headers boolean := exists (
    select from pg_attribute a
    join pg_type t on t.typrelid = a.attrelid
    where t.oid = to_regtype('pgmq.message_record')
      and a.attname = 'headers' and not a.attisdropped);
  candidate text;
  wanted text := coalesce(nullif(current_setting('pgflow.pgmq_flavour', true), ''), 'auto');
begin
  if wanted not in ('auto', 'extension', 'compat') then
    raise exception 'pgflow.pgmq_flavour is %, expected auto, extension or compat', quote_literal(wanted)
      using hint = 'Reset it (RESET pgflow.pgmq_flavour) to let the migration choose.';
  end if;
  -- The usable version to create: the server's default if it is new enough, else the newest one
  -- listed (so we never pin a version the server cannot install). Versions compare as int arrays,
  -- so '1.10.0' > '1.5.1'.
  select v.version into candidate
  from pg_available_extension_versions v
  join pg_available_extensions e on e.name = v.name
  cross join lateral (
    select string_to_array(substring(v.version, '^\d+(?:\.\d+)*'), '.')::int[] as parts
  ) p
  where v.name = 'pgmq' and p.parts >= array[1, 5, 1]
  order by v.version = e.default_version desc, p.parts desc
  limit 1;

  if installed is not null then
    -- pgmq 1.5.0 added message_record.headers, which pgflow needs.
    if has_headers then
      null;
    elsif candidate is not null then
      execute format('alter extension pgmq update to %L', candidate);
    else
      raise exception 'pgmq extension % is installed, but pgflow-ts needs pgmq 1.5.1 or newer', installed
        using hint = 'Install pgmq >= 1.5.1 on the server and run ALTER EXTENSION pgmq UPDATE, '
                     'or DROP EXTENSION pgmq (this drops its queues) so that the pgmq-compatible layer is installed.';
    end if;
  elsif to_regclass('pgmq.meta') is not null then
    -- Our layer (re-applied below) or another SQL-only pgmq. CREATE EXTENSION would fail over it.
    if not has_headers then
      raise exception 'schema pgmq holds a SQL-only pgmq older than 1.5.0 (pgmq.message_record has no headers)'
        using hint = 'Upgrade that install to pgmq 1.5.1, or drop schema pgmq (this drops its queues).';
    end if;
  elsif wanted = 'compat' then
    null; -- the layer, below
  elsif candidate is not null then
    begin
      create schema if not exists pgmq;
      execute format('create extension pgmq with schema pgmq version %L', candidate);
    exception when feature_not_supported or insufficient_privilege then
      -- 0A000: files missing after all; 42501: no right to create it. The layer takes over.
      if wanted = 'extension' then
        raise;
      end if;
      raise notice 'pgmq extension not created (%); installing the pgmq-compatible layer', sqlerrm;
    end;
  end if;

  if wanted = 'compat' and installed is not null then
    raise exception 'pgflow.pgmq_flavour is compat, but the pgmq extension % is installed', installed
      using hint = 'Going back from the extension to the layer is not supported in place (docs/pgmq.md); reset pgflow.pgmq_flavour.';
  end if;
  if wanted = 'extension' and not exists (select from pg_extension where extname = 'pgmq') then
    raise exception 'pgflow.pgmq_flavour is extension, but %',
      case when to_regclass('pgmq.meta') is not null then 'schema pgmq already holds a SQL-only pgmq'
           else 'this server has no pgmq extension >= 1.5.1 available' end
      using hint = case when to_regclass('pgmq.meta') is not null
                        then 'docs/pgmq.md, "Switching from our layer to the extension later", moves the queues into the extension.'
                        else 'Install pgmq >= 1.5.1 on the server (its control and SQL files in $(pg_config --sharedir)/extension), or reset pgflow.pgmq_flavour.' end;
  end if;
end
$flavour$;

-- Registry and record types. Column and attribute order is API: list_queues returns meta rows as
-- queue_record, and read/pop/set_vt return queue rows as message_record.
do $objects$
begin
  if exists (select from pg_extension where extname = 'pgmq')
     or (to_regclass('pgmq.meta') is not null
         and obj_description(to_regnamespace('pgmq'), 'pg_namespace')
             is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts') then
    return;
  end if;

  create schema if not exists pgmq;
  comment on schema pgmq is 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts';

  create table if not exists pgmq.meta (
    queue_name varchar not null constraint meta_queue_name_key unique,
    is_partitioned boolean not null,
    is_unlogged boolean not null,
    created_at timestamptz not null default now()
  );

  if to_regtype('pgmq.message_record') is null then
    create type pgmq.message_record as (
      msg_id bigint,
      read_ct integer,
      enqueued_at timestamptz,
      vt timestamptz,
      message jsonb,
      headers jsonb
    );
  end if;

  if to_regtype('pgmq.queue_record') is null then
    create type pgmq.queue_record as (
      queue_name varchar,
      is_partitioned boolean,
      is_unlogged boolean,
      created_at timestamptz
    );
  end if;

  if to_regtype('pgmq.metrics_result') is null then
    create type pgmq.metrics_result as (
      queue_name text,
      queue_length bigint,
      newest_msg_age_sec integer,
      oldest_msg_age_sec integer,
      total_messages bigint,
      scrape_time timestamptz,
      queue_visible_length bigint
    );
  end if;

  -- pgmq 1.8 notify throttle. Unlogged like upstream: losing it in a crash only resets the windows.
  create unlogged table if not exists pgmq.notify_insert_throttle (
    queue_name varchar not null
      constraint notify_insert_throttle_queue_name_key unique
      constraint notify_insert_throttle_meta_queue_name_fk
        references pgmq.meta (queue_name) on delete cascade,
    throttle_interval_ms integer not null default 0,
    last_notified_at timestamptz not null default to_timestamp(0)
  );
  create index if not exists idx_notify_throttle_active
    on pgmq.notify_insert_throttle (queue_name, last_notified_at)
    where throttle_interval_ms > 0;
end
$objects$;

-- Names and validation.
do $naming$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- Does not check that the queue exists: callers rely on getting 42P01 from the later statement.
  create or replace function pgmq.format_table_name(queue_name text, prefix text)
  returns text
  language plpgsql
  as $fn$
  begin
    -- Identifiers are always quoted with %I; this only keeps pgmq's documented injection guard.
    if queue_name ~ '[$;'']|--' then
      -- pgmq's exact text, which ends with a backslash and a quote.
      raise exception E'queue name contains invalid characters: $, ;, --, or \\''';
    end if;
    return lower(prefix || '_' || queue_name);
  end;
  $fn$;

  -- Same limit as every pgmq (47 characters) with the text of the released 1.5.1, which says 48
  -- (pgmq 1.6+ says 47); pgflow's behaviour as we specify it quotes the 1.5.1 text. The empty name
  -- passes, as upstream.
  create or replace function pgmq.validate_queue_name(queue_name text)
  returns void
  language plpgsql
  as $fn$
  begin
    if length(queue_name) >= 48 then
      raise exception 'queue name is too long, maximum length is 48 characters';
    end if;
  end;
  $fn$;

  create or replace function pgmq._extension_exists(extension_name text)
  returns boolean
  language sql
  stable
  as $fn$
    select exists (select from pg_extension where extname = extension_name);
  $fn$;

  create or replace function pgmq._ensure_pg_partman_installed()
  returns void
  language plpgsql
  as $fn$
  begin
    if not pgmq._extension_exists('pg_partman') then
      raise exception 'pg_partman is required for partitioned queues';
    end if;
  end;
  $fn$;
end
$naming$;

-- Creating, listing, purging and dropping queues.
do $queues$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- Idempotent: IF NOT EXISTS everywhere, so a second call only emits pgmq's four "already exists" notices.
  -- create_non_partitioned and create_unlogged: the queue table (logged or not), its archive, their
  -- indexes and the meta row. Internal to this layer.
  create or replace function pgmq._create_queue(queue_name text, unlogged boolean)
  returns void
  language plpgsql
  as $fn$
  declare
    qtable text := pgmq.format_table_name(queue_name, 'q');
    atable text := pgmq.format_table_name(queue_name, 'a');
  begin
    perform pgmq.validate_queue_name(queue_name);
    -- Workers that start together all create their queue; without this lock the loser of the race
    -- fails on a duplicate catalog row instead of seeing the winner's tables (pgmq 1.6+ locks too).
    -- Keyed by the table name, so 'Foo' and 'foo', which share tables, also serialise.
    perform pg_advisory_xact_lock(hashtext('pgmq.queue_' || qtable));
    execute format(
      'create %s table if not exists pgmq.%I (
         msg_id bigint primary key generated always as identity,
         read_ct integer not null default 0,
         enqueued_at timestamptz not null default now(),
         vt timestamptz not null,
         message jsonb,
         headers jsonb)', case when unlogged then 'unlogged' else '' end, qtable);
    -- The archive is always logged.
    execute format(
      'create table if not exists pgmq.%I (
         msg_id bigint primary key,
         read_ct integer not null default 0,
         enqueued_at timestamptz not null default now(),
         archived_at timestamptz not null default now(),
         vt timestamptz not null,
         message jsonb,
         headers jsonb)', atable);
    execute format('create index if not exists %I on pgmq.%I (vt asc)', qtable || '_vt_idx', qtable);
    -- pgmq builds this one index name from the name as given (not lower-cased); kept for compatibility.
    execute format('create index if not exists %I on pgmq.%I (archived_at)',
      'archived_at_idx_' || queue_name, atable);
    insert into pgmq.meta (queue_name, is_partitioned, is_unlogged)
    values (queue_name, false, unlogged)
    on conflict do nothing;
  end;
  $fn$;

  create or replace function pgmq.create_non_partitioned(queue_name text)
  returns void
  language plpgsql
  as $fn$
  begin
    perform pgmq._create_queue(queue_name, false);
  end;
  $fn$;

  create or replace function pgmq."create"(queue_name text)
  returns void
  language plpgsql
  as $fn$
  begin
    perform pgmq.create_non_partitioned(queue_name);
  end;
  $fn$;

  -- As create_non_partitioned, but the queue table is unlogged (the archive stays logged).
  create or replace function pgmq.create_unlogged(queue_name text)
  returns void
  language plpgsql
  as $fn$
  begin
    perform pgmq._create_queue(queue_name, true);
  end;
  $fn$;

  -- Partitioned queues need pg_partman, which this layer does not drive. The checks run in pgmq's
  -- order (characters, length, pg_partman) so the usual errors stay the same.
  create or replace function pgmq.create_partitioned(
    queue_name text,
    partition_interval text default '10000',
    retention_interval text default '100000')
  returns void
  language plpgsql
  as $fn$
  begin
    perform pgmq.format_table_name(queue_name, 'q');
    perform pgmq.validate_queue_name(queue_name);
    perform pgmq._ensure_pg_partman_installed();
    raise exception 'partitioned queues are not supported by the pgmq-compatible install'
      using errcode = 'feature_not_supported',
            hint = 'Install the pgmq extension (docs/pgmq.md) or use pgmq.create().';
  end;
  $fn$;

  create or replace function pgmq.convert_archive_partitioned(
    table_name text,
    partition_interval text default '10000',
    retention_interval text default '100000',
    leading_partition integer default 10)
  returns void
  language plpgsql
  as $fn$
  begin
    perform pgmq._ensure_pg_partman_installed();
    raise exception 'partitioned archives are not supported by the pgmq-compatible install'
      using errcode = 'feature_not_supported',
            hint = 'Install the pgmq extension (docs/pgmq.md).';
  end;
  $fn$;

  -- Only extension installs have member tables to detach; here, as in pgmq's SQL-only mode, a no-op.
  create or replace function pgmq.detach_archive(queue_name text)
  returns void
  language plpgsql
  as $fn$
  begin
    perform pgmq.format_table_name(queue_name, 'a');
  end;
  $fn$;

  -- pgmq 1.6+ semantics: an unknown queue gives a NOTICE and false (1.5.1 returned true as SQL-only
  -- and raised 42P01 as an extension). The throttle row goes with the meta row (FK cascade).
  create or replace function pgmq.drop_queue(queue_name text)
  returns boolean
  language plpgsql
  as $fn$
  declare
    qtable text := pgmq.format_table_name(queue_name, 'q');
  begin
    perform pg_advisory_xact_lock(hashtext('pgmq.queue_' || qtable));
    if to_regclass(format('pgmq.%I', qtable)) is null then
      raise notice 'pgmq queue `%` does not exist', queue_name;
      return false;
    end if;
    execute format('drop table if exists pgmq.%I', qtable);
    execute format('drop table if exists pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
    delete from pgmq.meta m where m.queue_name = drop_queue.queue_name;
    return true;
  end;
  $fn$;

  -- Deprecated form, kept because generated migrations still call it. No default on partitioned:
  -- one would make drop_queue(name) ambiguous. Returns true whatever happened, as pgmq does.
  create or replace function pgmq.drop_queue(queue_name text, partitioned boolean)
  returns boolean
  language plpgsql
  as $fn$
  begin
    raise warning 'drop_queue(queue_name, partitioned) is deprecated and will be removed in PGMQ v2.0. Use drop_queue(queue_name) instead';
    perform pgmq.drop_queue(queue_name);
    return true;
  end;
  $fn$;

  -- Deletes live messages only; the archive and the msg_id sequence are untouched.
  create or replace function pgmq.purge_queue(queue_name text)
  returns bigint
  language plpgsql
  as $fn$
  declare
    qtable text := pgmq.format_table_name(queue_name, 'q');
    purged bigint;
  begin
    -- Lock before counting (pgmq counts first), so the count is exactly what TRUNCATE removes.
    execute format('lock table pgmq.%I in access exclusive mode', qtable);
    execute format('select count(*) from pgmq.%I', qtable) into purged;
    execute format('truncate table pgmq.%I', qtable);
    return purged;
  end;
  $fn$;

  create or replace function pgmq.list_queues()
  returns setof pgmq.queue_record
  language sql
  as $fn$
    select queue_name, is_partitioned, is_unlogged, created_at from pgmq.meta;
  $fn$;
end
$queues$;

-- Sending. The overloads have no defaults on purpose: `delay integer default 0` on the 3-argument
-- send would make every send(q, msg) call "not unique". All of them delegate to the 4-argument
-- timestamptz form, which does the work.
do $sending$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- enqueued_at is the sending transaction's start (column default); vt is whatever the caller says,
  -- so a NULL delay fails on vt's NOT NULL and a past delay is visible at once.
  create or replace function pgmq.send(queue_name text, msg jsonb, headers jsonb, delay timestamptz)
  returns setof bigint
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'insert into pgmq.%I (vt, message, headers) values ($1, $2, $3) returning msg_id',
      pgmq.format_table_name(queue_name, 'q'))
    using delay, msg, headers;
  end;
  $fn$;

  create or replace function pgmq.send(queue_name text, msg jsonb)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send(queue_name, msg, null::jsonb, clock_timestamp());
  $fn$;

  create or replace function pgmq.send(queue_name text, msg jsonb, headers jsonb)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send(queue_name, msg, headers, clock_timestamp());
  $fn$;

  create or replace function pgmq.send(queue_name text, msg jsonb, delay integer)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send(queue_name, msg, null::jsonb,
      clock_timestamp() + make_interval(secs => delay));
  $fn$;

  create or replace function pgmq.send(queue_name text, msg jsonb, delay timestamptz)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send(queue_name, msg, null::jsonb, delay);
  $fn$;

  create or replace function pgmq.send(queue_name text, msg jsonb, headers jsonb, delay integer)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send(queue_name, msg, headers,
      clock_timestamp() + make_interval(secs => delay));
  $fn$;

  -- Ids are assigned and returned in array order: pgflow zips the result WITH ORDINALITY to map
  -- task_index -> msg_id. The subquery's ORDER BY fixes the order in which the identity is drawn,
  -- and ids drawn in one statement only grow, so ordering the output by msg_id is input order.
  -- unnest(msgs, headers) pads the shorter array with NULLs, which keeps pgmq 1.5's behaviour:
  -- missing headers are NULL, and extra headers insert messages that are NULL.
  create or replace function pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay timestamptz)
  returns setof bigint
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'with inserted as (
         insert into pgmq.%I (vt, message, headers)
         select $1, b.msg, b.hdr
         from unnest($2, $3) with ordinality as b(msg, hdr, ord)
         order by b.ord
         returning msg_id)
       select msg_id from inserted order by msg_id',
      pgmq.format_table_name(queue_name, 'q'))
    using delay, msgs, headers;
  end;
  $fn$;

  create or replace function pgmq.send_batch(queue_name text, msgs jsonb[])
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send_batch(queue_name, msgs, null::jsonb[], clock_timestamp());
  $fn$;

  create or replace function pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[])
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send_batch(queue_name, msgs, headers, clock_timestamp());
  $fn$;

  create or replace function pgmq.send_batch(queue_name text, msgs jsonb[], delay integer)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send_batch(queue_name, msgs, null::jsonb[],
      clock_timestamp() + make_interval(secs => delay));
  $fn$;

  create or replace function pgmq.send_batch(queue_name text, msgs jsonb[], delay timestamptz)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send_batch(queue_name, msgs, null::jsonb[], delay);
  $fn$;

  create or replace function pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay integer)
  returns setof bigint
  language sql
  as $fn$
    select * from pgmq.send_batch(queue_name, msgs, headers,
      clock_timestamp() + make_interval(secs => delay));
  $fn$;
end
$sending$;

-- Reading. Visibility is decided with clock_timestamp(), never now(): pgflow calls set_vt late in
-- long transactions, where now() would lie by the transaction's age.
-- There are deliberately no timestamptz overloads of read/read_with_poll (pgmq 1.12 has them): with
-- both present, callers passing an untyped vt (postgres.js numbers) get "function is not unique".
do $reading$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- One statement: lock up to qty visible messages in msg_id order (skipping rows other
  -- transactions hold, never waiting), hide them for vt seconds and count the delivery.
  -- qty NULL means no limit and conditional NULL means no filter, as in pgmq.
  create or replace function pgmq.read(queue_name text, vt integer, qty integer, conditional jsonb default '{}')
  returns setof pgmq.message_record
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'with picked as (
         select msg_id from pgmq.%1$I
         where vt <= clock_timestamp() and ($3 = ''{}''::jsonb or message @> $3)
         order by msg_id
         limit $2
         for update skip locked),
       updated as (
         update pgmq.%1$I m
         set vt = clock_timestamp() + make_interval(secs => $1), read_ct = m.read_ct + 1
         from picked
         where m.msg_id = picked.msg_id
         returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers)
       select * from updated order by msg_id',
      pgmq.format_table_name(queue_name, 'q'))
    using vt, qty, coalesce(conditional, '{}'::jsonb);
  end;
  $fn$;

  -- Polls with one read per attempt. Each attempt is a new statement, so under READ COMMITTED it
  -- sees messages committed while we wait. pgmq's quirks are kept: the deadline is tested before the
  -- first read (max_poll_seconds <= 0 never reads), NULL max_poll_seconds polls forever and
  -- poll_interval_ms 0 busy-waits. Unlike pgmq the deadline is a timestamptz, so DST cannot move it.
  create or replace function pgmq.read_with_poll(
    queue_name text,
    vt integer,
    qty integer,
    max_poll_seconds integer default 5,
    poll_interval_ms integer default 100,
    conditional jsonb default '{}')
  returns setof pgmq.message_record
  language plpgsql
  as $fn$
  declare
    deadline timestamptz := clock_timestamp() + make_interval(secs => max_poll_seconds);
  begin
    loop
      if clock_timestamp() >= deadline then
        return;
      end if;
      return query select * from pgmq.read(queue_name, vt, qty, conditional);
      if found then
        return;
      end if;
      perform pg_sleep(poll_interval_ms / 1000.0);
    end loop;
  end;
  $fn$;

  -- Deletes and returns the oldest visible message as stored (read_ct and vt unchanged).
  -- pgmq 1.5.1's single-message form; 1.7's pop(queue_name, qty default 1) cannot sit next to it.
  create or replace function pgmq.pop(queue_name text)
  returns setof pgmq.message_record
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'with picked as (
         select msg_id from pgmq.%1$I
         where vt <= clock_timestamp()
         order by msg_id
         limit 1
         for update skip locked)
       delete from pgmq.%1$I m
       using picked
       where m.msg_id = picked.msg_id
       returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers',
      pgmq.format_table_name(queue_name, 'q'));
  end;
  $fn$;

  -- Unknown msg_id: empty result, no error. Waits for a row lock (no SKIP LOCKED), as pgmq does.
  create or replace function pgmq.set_vt(queue_name text, msg_id bigint, vt integer)
  returns setof pgmq.message_record
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'update pgmq.%I m
       set vt = clock_timestamp() + make_interval(secs => $2)
       where m.msg_id = $1
       returning m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers',
      pgmq.format_table_name(queue_name, 'q'))
    using msg_id, vt;
  end;
  $fn$;
end
$reading$;

-- Archiving and deleting. Both ignore visibility: in-flight messages are archived or deleted too.
do $finishing$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- Moves the row to the archive in one statement; archived_at is the transaction start (default).
  -- A NULL or unknown msg_id returns false: pgflow's complete_task passes a possibly NULL id.
  create or replace function pgmq.archive(queue_name text, msg_id bigint)
  returns boolean
  language plpgsql
  as $fn$
  declare
    moved bigint;
  begin
    execute format(
      'with gone as (
         delete from pgmq.%I where msg_id = $1
         returning msg_id, read_ct, enqueued_at, vt, message, headers)
       insert into pgmq.%I (msg_id, read_ct, enqueued_at, vt, message, headers)
       select msg_id, read_ct, enqueued_at, vt, message, headers from gone',
      pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a'))
    using msg_id;
    get diagnostics moved = row_count;
    return moved > 0;
  end;
  $fn$;

  -- Returns the ids actually archived (unknown ids are skipped), in msg_id order.
  create or replace function pgmq.archive(queue_name text, msg_ids bigint[])
  returns setof bigint
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'with gone as (
         delete from pgmq.%I where msg_id = any($1)
         returning msg_id, read_ct, enqueued_at, vt, message, headers),
       archived as (
         insert into pgmq.%I (msg_id, read_ct, enqueued_at, vt, message, headers)
         select msg_id, read_ct, enqueued_at, vt, message, headers from gone
         returning msg_id)
       select msg_id from archived order by msg_id',
      pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a'))
    using msg_ids;
  end;
  $fn$;

  create or replace function pgmq."delete"(queue_name text, msg_id bigint)
  returns boolean
  language plpgsql
  as $fn$
  declare
    deleted bigint;
  begin
    execute format('delete from pgmq.%I where msg_id = $1', pgmq.format_table_name(queue_name, 'q'))
    using msg_id;
    get diagnostics deleted = row_count;
    return deleted > 0;
  end;
  $fn$;

  create or replace function pgmq."delete"(queue_name text, msg_ids bigint[])
  returns setof bigint
  language plpgsql
  as $fn$
  begin
    return query execute format(
      'with gone as (delete from pgmq.%I where msg_id = any($1) returning msg_id)
       select msg_id from gone order by msg_id',
      pgmq.format_table_name(queue_name, 'q'))
    using msg_ids;
  end;
  $fn$;
end
$finishing$;

-- Metrics. Unlike reads these use now() (transaction time), as pgmq does.
do $metrics$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- total_messages is the highest msg_id ever issued (rolled-back and deleted sends included).
  create or replace function pgmq.metrics(queue_name text)
  returns pgmq.metrics_result
  language plpgsql
  as $fn$
  declare
    qtable text := pgmq.format_table_name(queue_name, 'q');
    result pgmq.metrics_result;
  begin
    execute format(
      'select $1,
              count(*),
              extract(epoch from now() - max(enqueued_at))::integer,
              extract(epoch from now() - min(enqueued_at))::integer,
              (select case when is_called then last_value else 0 end from %s),
              now(),
              count(*) filter (where vt <= now())
       from pgmq.%I',
      pg_get_serial_sequence(format('pgmq.%I', qtable), 'msg_id'), qtable)
    into result
    using queue_name;
    return result;
  end;
  $fn$;

  create or replace function pgmq.metrics_all()
  returns setof pgmq.metrics_result
  language sql
  as $fn$
    select r.* from pgmq.meta m cross join lateral pgmq.metrics(m.queue_name) r;
  $fn$;
end
$metrics$;

-- LISTEN/NOTIFY on inserts, pgmq 1.8 API with 1.13.1's channel: "pgmq.q_<queue>.INSERT", where
-- <queue> is the name as created (not lower-cased), payload empty. Listeners must quote the channel.
do $notify$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  -- Trigger argument: the queue name as given to enable_notify_insert.
  -- Throttle 0 notifies on every insert; PostgreSQL folds repeats within a transaction at commit.
  -- Throttle > 0 claims the window on the throttle row with SKIP LOCKED. pgmq instead updates that
  -- row unconditionally, which makes every producer of the queue wait for the claiming transaction
  -- to commit. Skipping is safe: the holder notifies when it commits. If it rolls back, an insert
  -- in that window goes unannounced, which throttling allows anyway; listeners keep a slow poll.
  create or replace function pgmq.notify_queue_listeners()
  returns trigger
  language plpgsql
  as $fn$
  declare
    queue text := tg_argv[0];
    interval_ms integer;
  begin
    select t.throttle_interval_ms into interval_ms
    from pgmq.notify_insert_throttle t
    where t.queue_name = queue;

    if interval_ms = 0 then
      perform pg_notify('pgmq.q_' || queue || '.' || tg_op, null);
    elsif interval_ms > 0 then
      update pgmq.notify_insert_throttle t
      set last_notified_at = clock_timestamp()
      where t.queue_name = (
        select w.queue_name
        from pgmq.notify_insert_throttle w
        where w.queue_name = queue
          and clock_timestamp() - w.last_notified_at
              >= make_interval(secs => w.throttle_interval_ms / 1000.0)
        for update skip locked);
      if found then
        perform pg_notify('pgmq.q_' || queue || '.' || tg_op, null);
      end if;
    end if;
    return new;
  end;
  $fn$;

  -- The only enable_notify_insert: a 1-argument overload beside it makes enable_notify_insert('q')
  -- ambiguous (pgmq 1.8 to 1.11.0 upgrades had that bug). Re-enabling resets the window.
  create or replace function pgmq.enable_notify_insert(queue_name text, throttle_interval_ms integer default 250)
  returns void
  language plpgsql
  as $fn$
  declare
    qtable text;
  begin
    if throttle_interval_ms < 0 then
      raise exception 'throttle_interval_ms must be non-negative';
    end if;
    qtable := pgmq.format_table_name(queue_name, 'q');
    if to_regclass(format('pgmq.%I', qtable)) is null then
      raise exception 'Queue "%" does not exist. Create it first using pgmq.create()', queue_name;
    end if;

    perform pgmq.disable_notify_insert(queue_name);
    insert into pgmq.notify_insert_throttle (queue_name, throttle_interval_ms)
    values (queue_name, throttle_interval_ms)
    on conflict on constraint notify_insert_throttle_queue_name_key do update
    set throttle_interval_ms = excluded.throttle_interval_ms,
        last_notified_at = to_timestamp(0);
    execute format(
      'create constraint trigger trigger_notify_queue_insert_listeners
       after insert on pgmq.%I deferrable
       for each row execute function pgmq.notify_queue_listeners(%L)',
      qtable, queue_name);
  end;
  $fn$;

  -- For an unknown queue this only emits PostgreSQL's "does not exist, skipping" NOTICE.
  create or replace function pgmq.disable_notify_insert(queue_name text)
  returns void
  language plpgsql
  as $fn$
  begin
    execute format('drop trigger if exists trigger_notify_queue_insert_listeners on pgmq.%I',
      pgmq.format_table_name(queue_name, 'q'));
    delete from pgmq.notify_insert_throttle t where t.queue_name = disable_notify_insert.queue_name;
  end;
  $fn$;
end
$notify$;

-- Monitoring access, as pgmq grants it. Default privileges cover queues later created by this role.
do $privileges$
begin
  if obj_description(to_regnamespace('pgmq'), 'pg_namespace')
     is distinct from 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' then
    return;
  end if;

  grant usage on schema pgmq to pg_monitor;
  grant select on all tables in schema pgmq to pg_monitor;
  grant select on all sequences in schema pgmq to pg_monitor;
  alter default privileges in schema pgmq grant select on tables to pg_monitor;
  alter default privileges in schema pgmq grant select on sequences to pg_monitor;
end
$privileges$;
