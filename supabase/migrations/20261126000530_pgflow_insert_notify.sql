-- Insert notifications for workers with the notify strategy, on either pgmq flavour.
--
-- pgmq 1.5.1 (the extension Supabase ships) has no enable_notify_insert, so workers cannot rely on
-- pgmq for them. This trigger notifies the channel pgmq itself uses, "pgmq.q_<queue>.INSERT"
-- (<queue> as created, as in pgmq 1.13.1 and our layer) with an empty payload, once per inserting
-- statement: send_batch of many messages costs one call. PostgreSQL delivers notifications at
-- commit and folds identical ones within a transaction, so a queue that also has pgmq's own notify
-- trigger (pgmq >= 1.8, or our layer's enable_notify_insert) still sends one notification per
-- transaction: the two do not conflict, and pgmq.disable_notify_insert leaves this one alone.
-- The trigger is named pgflow_notify_insert and lives on the queue table, so it is dropped with
-- the queue (pgmq.drop_queue, pgflow.delete_flow_and_data).

create or replace function pgflow._notify_queue_insert()
returns trigger
language plpgsql
volatile
set search_path = ''
as $$
begin
  -- tg_argv[0]: the queue name as given to enable_insert_notifications.
  perform pg_notify('pgmq.q_' || tg_argv[0] || '.INSERT', null);
  return null;
end;
$$;

-- Idempotent: called by every notify worker at start. The catalog is checked first so that a
-- trigger already there costs no lock on the queue table (CREATE TRIGGER blocks its producers).
create or replace function pgflow.enable_insert_notifications(queue_name text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_table regclass := to_regclass(format('pgmq.%I', pgmq.format_table_name(enable_insert_notifications.queue_name, 'q')));
begin
  if v_table is null then
    raise exception 'Queue "%" does not exist. Create it first using pgmq.create()', enable_insert_notifications.queue_name;
  end if;
  if not exists (select from pg_catalog.pg_trigger t where t.tgrelid = v_table and t.tgname = 'pgflow_notify_insert') then
    -- OR REPLACE: two workers starting together both get here; the second waits, then replaces.
    execute format(
      'create or replace trigger pgflow_notify_insert after insert on %s
       for each statement execute function pgflow._notify_queue_insert(%L)',
      v_table, enable_insert_notifications.queue_name);
  end if;
end;
$$;

comment on function pgflow.enable_insert_notifications(text) is
  'Makes every insert into the queue notify "pgmq.q_<queue_name>.INSERT" at commit (trigger pgflow_notify_insert), on the pgmq extension and on the compatible layer alike.';

create or replace function pgflow.disable_insert_notifications(queue_name text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_table regclass := to_regclass(format('pgmq.%I', pgmq.format_table_name(disable_insert_notifications.queue_name, 'q')));
begin
  if v_table is not null then
    execute format('drop trigger if exists pgflow_notify_insert on %s', v_table);
  end if;
end;
$$;

comment on function pgflow.disable_insert_notifications(text) is
  'Drops the queue''s pgflow_notify_insert trigger; does nothing for a queue without one, or no queue.';
