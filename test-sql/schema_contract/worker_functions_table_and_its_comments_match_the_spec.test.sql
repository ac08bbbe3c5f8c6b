-- pgflow-sql.md §4.8 and §2.3: pgflow.worker_functions, columns, constraints, indexes, and the table
-- and column comments (verbatim).
begin;
select plan(6);

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


select has_table('pgflow', 'worker_functions', 'pgflow.worker_functions exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.worker_functions')$$,
  $$values
    ('function_name',   'text',                     true,  null),
    ('enabled',         'boolean',                  true,  'true'),
    ('debounce',        'interval',                 true,  '''00:00:06''::interval'),
    ('last_invoked_at', 'timestamp with time zone', false, null),
    ('created_at',      'timestamp with time zone', true,  'now()'),
    ('updated_at',      'timestamp with time zone', true,  'now()')$$,
  'worker_functions columns: order, types, NOT NULL and defaults (debounce 6 seconds)'
);

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.worker_functions')$$,
  $$values
    ('worker_functions_debounce_check', 'CHECK ((debounce >= ''00:00:01''::interval))'),
    ('worker_functions_pkey',           'PRIMARY KEY (function_name)')$$,
  'worker_functions constraints: exact names and definitions'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.worker_functions')$$,
  $$values ('worker_functions_pkey', 'CREATE UNIQUE INDEX worker_functions_pkey ON pgflow.worker_functions USING btree (function_name)')$$,
  'worker_functions has only its primary key index'
);

select is(
  obj_description('pgflow.worker_functions'::regclass, 'pg_class'),
  'Registry of edge functions that run pgflow workers, used by ensure_workers() cron',
  'worker_functions table comment'
);

select results_eq(
  $$select a.attname::text collate "default", col_description(a.attrelid, a.attnum)
      from pg_attribute a
     where a.attrelid = 'pgflow.worker_functions'::regclass and a.attnum > 0 and not a.attisdropped
     order by a.attnum$$,
  $$values
    ('function_name',   'Name of the Supabase Edge Function'),
    ('enabled',         'Whether ensure_workers() should ping this function'),
    ('debounce',        'Minimum interval between invocation attempts for this function'),
    ('last_invoked_at', 'When ensure_workers() last pinged this function (used for debouncing)'),
    ('created_at',      null),
    ('updated_at',      null)$$,
  'worker_functions column comments (created_at and updated_at have none)'
);

select * from finish();
rollback;
