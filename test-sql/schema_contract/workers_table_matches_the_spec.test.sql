-- pgflow-sql.md §4.7: pgflow.workers in the installed (migration) column order (last_heartbeat_at
-- before stopped_at, defect 22), its primary key and indexes.
begin;
select plan(4);

create function pg_temp.columns_of(tbl regclass)
returns table (col text, data_type text, not_null boolean, default_expr text)
language sql as $$
  select a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
    from pg_attribute a
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped
   order by a.attnum
$$;
create function pg_temp.constraints_of(tbl regclass)
returns table (name text, definition text)
language sql as $$
  select c.conname::text, pg_get_constraintdef(c.oid) from pg_constraint c where c.conrelid = tbl order by 1
$$;
create function pg_temp.indexes_of(tbl regclass)
returns table (name text, definition text)
language sql as $$
  select c.relname::text, pg_get_indexdef(i.indexrelid)
    from pg_index i join pg_class c on c.oid = i.indexrelid
   where i.indrelid = tbl order by 1
$$;


select has_table('pgflow', 'workers', 'pgflow.workers exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.workers')$$,
  $$values
    ('worker_id',         'uuid',                     true,  null),
    ('queue_name',        'text',                     true,  null),
    ('function_name',     'text',                     true,  null),
    ('started_at',        'timestamp with time zone', true,  'now()'),
    ('deprecated_at',     'timestamp with time zone', false, null),
    ('last_heartbeat_at', 'timestamp with time zone', true,  'now()'),
    ('stopped_at',        'timestamp with time zone', false, null)$$,
  'workers columns: installed order, types, NOT NULL and defaults'
);

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.workers')$$,
  $$values ('workers_pkey', 'PRIMARY KEY (worker_id)')$$,
  'workers has only its primary key constraint'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.workers')$$,
  $$values
    ('idx_workers_heartbeat',  'CREATE INDEX idx_workers_heartbeat ON pgflow.workers USING btree (last_heartbeat_at)'),
    ('idx_workers_queue_name', 'CREATE INDEX idx_workers_queue_name ON pgflow.workers USING btree (queue_name)'),
    ('workers_pkey',           'CREATE UNIQUE INDEX workers_pkey ON pgflow.workers USING btree (worker_id)')$$,
  'workers indexes: the PK, idx_workers_queue_name and idx_workers_heartbeat'
);

select * from finish();
rollback;
