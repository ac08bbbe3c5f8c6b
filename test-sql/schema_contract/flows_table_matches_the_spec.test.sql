-- pgflow-sql.md §4.1: pgflow.flows, columns in installed order with types, nullability and defaults,
-- its constraints (names and definitions) and its indexes ("only the PK").
begin;
select plan(5);

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

select has_table('pgflow', 'flows', 'pgflow.flows exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.flows')$$,
  $$values
    ('flow_slug',        'text',                     true, null),
    ('opt_max_attempts', 'integer',                  true, '3'),
    ('opt_base_delay',   'integer',                  true, '1'),
    ('opt_timeout',      'integer',                  true, '60'),
    ('created_at',       'timestamp with time zone', true, 'now()')$$,
  'flows columns: installed order, types, NOT NULL and defaults (table default base delay is 1, §2.2)'
);

select col_is_pk('pgflow', 'flows', array['flow_slug'], 'flows primary key is (flow_slug)');

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.flows')$$,
  $$values
    ('flows_pkey',                      'PRIMARY KEY (flow_slug)'),
    ('opt_base_delay_is_nonnegative',   'CHECK ((opt_base_delay >= 0))'),
    ('opt_max_attempts_is_nonnegative', 'CHECK ((opt_max_attempts >= 0))'),
    ('opt_timeout_is_positive',         'CHECK ((opt_timeout > 0))'),
    ('slug_is_valid',                   'CHECK (pgflow.is_valid_slug(flow_slug))')$$,
  'flows constraints: exact names and definitions'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.flows')$$,
  $$values ('flows_pkey', 'CREATE UNIQUE INDEX flows_pkey ON pgflow.flows USING btree (flow_slug)')$$,
  'flows has only its primary key index'
);

select * from finish();
rollback;
