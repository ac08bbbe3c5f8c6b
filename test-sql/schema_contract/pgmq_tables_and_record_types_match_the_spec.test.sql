-- pgmq.md §1.2, §1.3 and §2.9: pgmq.meta (columns in order, unique queue_name), the composite types
-- message_record, queue_record and metrics_result (attributes in order), and the notify throttle
-- table (optional, but present, so it must have the 1.8 shape).
begin;
select plan(10);

create function pg_temp.columns_of(tbl regclass)
returns table (col text, data_type text, not_null boolean, default_expr text)
language sql as $$
  select a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
    from pg_attribute a
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped
   order by a.attnum
$$;
create function pg_temp.attributes_of(type_name text)
returns table (col text, data_type text)
language sql as $$
  select a.attname::text, format_type(a.atttypid, a.atttypmod)
    from pg_attribute a
   where a.attrelid = (select t.typrelid from pg_type t where t.oid = type_name::regtype)
     and a.attnum > 0 and not a.attisdropped
   order by a.attnum
$$;

select has_schema('pgmq', 'schema pgmq exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgmq.meta')$$,
  $$values
    ('queue_name',     'character varying',        true, null),
    ('is_partitioned', 'boolean',                  true, null),
    ('is_unlogged',    'boolean',                  true, null),
    ('created_at',     'timestamp with time zone', true, 'now()')$$,
  'pgmq.meta columns: order (created_at last), types, NOT NULL and defaults'
);

select results_eq(
  $$select c.conname::text collate "default", pg_get_constraintdef(c.oid) from pg_constraint c where c.conrelid = 'pgmq.meta'::regclass order by 1$$,
  $$values ('meta_queue_name_key', 'UNIQUE (queue_name)')$$,
  'pgmq.meta has only UNIQUE (queue_name) named meta_queue_name_key'
);

select results_eq(
  $$select * from pg_temp.attributes_of('pgmq.message_record')$$,
  $$values
    ('msg_id',      'bigint'),
    ('read_ct',     'integer'),
    ('enqueued_at', 'timestamp with time zone'),
    ('vt',          'timestamp with time zone'),
    ('message',     'jsonb'),
    ('headers',     'jsonb')$$,
  'pgmq.message_record attributes in order (headers last, no last_read_at)'
);

select results_eq(
  $$select * from pg_temp.attributes_of('pgmq.queue_record')$$,
  $$values
    ('queue_name',     'character varying'),
    ('is_partitioned', 'boolean'),
    ('is_unlogged',    'boolean'),
    ('created_at',     'timestamp with time zone')$$,
  'pgmq.queue_record attributes in order'
);

select results_eq(
  $$select col, data_type from pg_temp.columns_of('pgmq.meta')$$,
  $$select * from pg_temp.attributes_of('pgmq.queue_record')$$,
  'pgmq.queue_record matches pgmq.meta column for column (list_queues returns meta rows)'
);

select results_eq(
  $$select * from pg_temp.attributes_of('pgmq.metrics_result')$$,
  $$values
    ('queue_name',           'text'),
    ('queue_length',         'bigint'),
    ('newest_msg_age_sec',   'integer'),
    ('oldest_msg_age_sec',   'integer'),
    ('total_messages',       'bigint'),
    ('scrape_time',          'timestamp with time zone'),
    ('queue_visible_length', 'bigint')$$,
  'pgmq.metrics_result attributes in order (queue_visible_length last)'
);

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
