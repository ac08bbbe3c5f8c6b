-- pgflow-sql.md §4.3 and §2.3: pgflow.deps ("step_slug depends on dep_slug"), columns, PK, the three
-- foreign keys, deps_check, and the two lookup indexes.
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


select has_table('pgflow', 'deps', 'pgflow.deps exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.deps')$$,
  $$values
    ('flow_slug',  'text',                     true, null),
    ('dep_slug',   'text',                     true, null),
    ('step_slug',  'text',                     true, null),
    ('created_at', 'timestamp with time zone', true, 'now()')$$,
  'deps columns: order, types, NOT NULL and defaults'
);

select col_is_pk('pgflow', 'deps', array['flow_slug', 'dep_slug', 'step_slug'], 'deps primary key is (flow_slug, dep_slug, step_slug)');
select fk_ok('pgflow', 'deps', array['flow_slug', 'dep_slug'], 'pgflow', 'steps', array['flow_slug', 'step_slug'],
  'deps (flow_slug, dep_slug) references steps (flow_slug, step_slug)');
select fk_ok('pgflow', 'deps', array['flow_slug', 'step_slug'], 'pgflow', 'steps', array['flow_slug', 'step_slug'],
  'deps (flow_slug, step_slug) references steps (flow_slug, step_slug)');

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.deps')$$,
  $$values
    ('deps_check',                    'CHECK ((dep_slug <> step_slug))'),
    ('deps_flow_slug_dep_slug_fkey',  'FOREIGN KEY (flow_slug, dep_slug) REFERENCES pgflow.steps(flow_slug, step_slug)'),
    ('deps_flow_slug_fkey',           'FOREIGN KEY (flow_slug) REFERENCES pgflow.flows(flow_slug)'),
    ('deps_flow_slug_step_slug_fkey', 'FOREIGN KEY (flow_slug, step_slug) REFERENCES pgflow.steps(flow_slug, step_slug)'),
    ('deps_pkey',                     'PRIMARY KEY (flow_slug, dep_slug, step_slug)')$$,
  'deps constraints: exact names and definitions'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.deps')$$,
  $$values
    ('deps_pkey',             'CREATE UNIQUE INDEX deps_pkey ON pgflow.deps USING btree (flow_slug, dep_slug, step_slug)'),
    ('idx_deps_by_flow_dep',  'CREATE INDEX idx_deps_by_flow_dep ON pgflow.deps USING btree (flow_slug, dep_slug)'),
    ('idx_deps_by_flow_step', 'CREATE INDEX idx_deps_by_flow_step ON pgflow.deps USING btree (flow_slug, step_slug)')$$,
  'deps indexes: the PK, idx_deps_by_flow_dep and idx_deps_by_flow_step'
);

select * from finish();
rollback;
