-- pgflow-sql.md §4.4 and §3.2: pgflow.runs, columns, constraints (status_is_valid, the timestamp
-- CHECKs) and indexes.
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


select has_table('pgflow', 'runs', 'pgflow.runs exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.runs')$$,
  $$values
    ('run_id',          'uuid',                     true,  'gen_random_uuid()'),
    ('flow_slug',       'text',                     true,  null),
    ('status',          'text',                     true,  '''started''::text'),
    ('input',           'jsonb',                    true,  null),
    ('output',          'jsonb',                    false, null),
    ('remaining_steps', 'integer',                  true,  '0'),
    ('started_at',      'timestamp with time zone', true,  'now()'),
    ('completed_at',    'timestamp with time zone', false, null),
    ('failed_at',       'timestamp with time zone', false, null)$$,
  'runs columns: order, types, NOT NULL and defaults'
);

select col_is_pk('pgflow', 'runs', array['run_id'], 'runs primary key is (run_id)');
select fk_ok('pgflow', 'runs', array['flow_slug'], 'pgflow', 'flows', array['flow_slug'], 'runs.flow_slug references flows');

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.runs')$$,
  $$values
    ('completed_at_is_after_started_at', 'CHECK (((completed_at IS NULL) OR (completed_at >= started_at)))'),
    ('completed_at_or_failed_at',        'CHECK ((NOT ((completed_at IS NOT NULL) AND (failed_at IS NOT NULL))))'),
    ('failed_at_is_after_started_at',    'CHECK (((failed_at IS NULL) OR (failed_at >= started_at)))'),
    ('runs_flow_slug_fkey',              'FOREIGN KEY (flow_slug) REFERENCES pgflow.flows(flow_slug)'),
    ('runs_pkey',                        'PRIMARY KEY (run_id)'),
    ('runs_remaining_steps_check',       'CHECK ((remaining_steps >= 0))'),
    ('status_is_valid',                  'CHECK ((status = ANY (ARRAY[''started''::text, ''failed''::text, ''completed''::text])))')$$,
  'runs constraints: exact names and definitions'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.runs')$$,
  $$values
    ('idx_runs_flow_slug', 'CREATE INDEX idx_runs_flow_slug ON pgflow.runs USING btree (flow_slug)'),
    ('idx_runs_status',    'CREATE INDEX idx_runs_status ON pgflow.runs USING btree (status)'),
    ('runs_pkey',          'CREATE UNIQUE INDEX runs_pkey ON pgflow.runs USING btree (run_id)')$$,
  'runs indexes: the PK, idx_runs_flow_slug and idx_runs_status'
);

select * from finish();
rollback;
