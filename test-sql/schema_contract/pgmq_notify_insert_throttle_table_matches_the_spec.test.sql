-- pgmq flavour: compat
-- pgmq.md §2.9: the notify throttle table is optional, but our layer has it, so it must have the
-- pgmq 1.8 shape. Compat only: pgmq 1.5.1 has no enable_notify_insert and no pgmq.notify_insert_throttle.
begin;
select plan(3);

create function pg_temp.columns_of(tbl regclass)
returns table (col text, data_type text, not_null boolean, default_expr text)
language sql as $$
  select a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
    from pg_attribute a
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped
   order by a.attnum
$$;

select results_eq(
  $$select * from pg_temp.columns_of('pgmq.notify_insert_throttle')$$,
  $$values
    ('queue_name',           'character varying',        true, null),
    ('throttle_interval_ms', 'integer',                  true, '0'),
    ('last_notified_at',     'timestamp with time zone', true, 'to_timestamp((0)::double precision)')$$,
  'pgmq.notify_insert_throttle columns, types, NOT NULL and defaults'
);

select results_eq(
  $$select c.conname::text collate "default", pg_get_constraintdef(c.oid) from pg_constraint c
     where c.conrelid = 'pgmq.notify_insert_throttle'::regclass order by 1$$,
  $$values
    ('notify_insert_throttle_meta_queue_name_fk', 'FOREIGN KEY (queue_name) REFERENCES pgmq.meta(queue_name) ON DELETE CASCADE'),
    ('notify_insert_throttle_queue_name_key',     'UNIQUE (queue_name)')$$,
  'pgmq.notify_insert_throttle constraints: unique queue_name, FK to meta ON DELETE CASCADE'
);

select results_eq(
  $$select c.relpersistence::text,
           pg_get_indexdef('pgmq.idx_notify_throttle_active'::regclass)
      from pg_class c where c.oid = 'pgmq.notify_insert_throttle'::regclass$$,
  $$values ('u', 'CREATE INDEX idx_notify_throttle_active ON pgmq.notify_insert_throttle USING btree (queue_name, last_notified_at) WHERE (throttle_interval_ms > 0)')$$,
  'pgmq.notify_insert_throttle is UNLOGGED with the partial index idx_notify_throttle_active'
);

select * from finish();
rollback;
