-- pgmq.md §1.2 and §1.3: pgmq.meta (columns in order, unique queue_name) and the composite types
-- message_record, queue_record and metrics_result (attributes in order). The optional notify
-- throttle table (§2.9), which only our layer has: pgmq_notify_insert_throttle_table_matches_the_spec.
begin;
select plan(7);

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

select * from finish();
rollback;
