-- pgflow-sql.md §4.2, §2.2 and §2.3: pgflow.steps in the installed (migration) column order
-- (defect 22: always the migration order, never the declarative one), its constraints with exact
-- names and definitions, and its indexes ("the PK and the unique index only").
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


select has_table('pgflow', 'steps', 'pgflow.steps exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.steps')$$,
  $$values
    ('flow_slug',               'text',                     true,  null),
    ('step_slug',               'text',                     true,  null),
    ('step_type',               'text',                     true,  '''single''::text'),
    ('step_index',              'integer',                  true,  '0'),
    ('deps_count',              'integer',                  true,  '0'),
    ('opt_max_attempts',        'integer',                  false, null),
    ('opt_base_delay',          'integer',                  false, null),
    ('opt_timeout',             'integer',                  false, null),
    ('created_at',              'timestamp with time zone', true,  'now()'),
    ('opt_start_delay',         'integer',                  false, null),
    ('required_input_pattern',  'jsonb',                    false, null),
    ('forbidden_input_pattern', 'jsonb',                    false, null),
    ('when_unmet',              'text',                     true,  '''skip''::text'),
    ('when_exhausted',          'text',                     true,  '''fail''::text')$$,
  'steps columns: installed order (created_at 9th), types, NOT NULL and defaults'
);

select col_is_pk('pgflow', 'steps', array['flow_slug', 'step_slug'], 'steps primary key is (flow_slug, step_slug)');
select col_is_unique('pgflow', 'steps', array['flow_slug', 'step_index'], 'steps has UNIQUE (flow_slug, step_index)');
select fk_ok('pgflow', 'steps', array['flow_slug'], 'pgflow', 'flows', array['flow_slug'], 'steps.flow_slug references flows');

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.steps')$$,
  $$values
    ('forbidden_input_pattern_is_object', 'CHECK (((forbidden_input_pattern IS NULL) OR (jsonb_typeof(forbidden_input_pattern) = ''object''::text)))'),
    ('opt_base_delay_is_nonnegative',     'CHECK (((opt_base_delay IS NULL) OR (opt_base_delay >= 0)))'),
    ('opt_max_attempts_is_nonnegative',   'CHECK (((opt_max_attempts IS NULL) OR (opt_max_attempts >= 0)))'),
    ('opt_start_delay_is_nonnegative',    'CHECK (((opt_start_delay IS NULL) OR (opt_start_delay >= 0)))'),
    ('opt_timeout_is_positive',           'CHECK (((opt_timeout IS NULL) OR (opt_timeout > 0)))'),
    ('required_input_pattern_is_object',  'CHECK (((required_input_pattern IS NULL) OR (jsonb_typeof(required_input_pattern) = ''object''::text)))'),
    ('steps_deps_count_check',            'CHECK ((deps_count >= 0))'),
    ('steps_flow_slug_fkey',              'FOREIGN KEY (flow_slug) REFERENCES pgflow.flows(flow_slug)'),
    ('steps_flow_slug_step_index_key',    'UNIQUE (flow_slug, step_index)'),
    ('steps_pkey',                        'PRIMARY KEY (flow_slug, step_slug)'),
    ('steps_step_slug_check',             'CHECK (pgflow.is_valid_slug(step_slug))'),
    ('steps_step_type_check',             'CHECK ((step_type = ANY (ARRAY[''single''::text, ''map''::text])))'),
    ('when_exhausted_is_valid',           'CHECK ((when_exhausted = ANY (ARRAY[''fail''::text, ''skip''::text, ''skip-cascade''::text])))'),
    ('when_unmet_is_valid',               'CHECK ((when_unmet = ANY (ARRAY[''fail''::text, ''skip''::text, ''skip-cascade''::text])))')$$,
  'steps constraints: exact names and definitions (the FK has no ON DELETE action)'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.steps')$$,
  $$values
    ('steps_flow_slug_step_index_key', 'CREATE UNIQUE INDEX steps_flow_slug_step_index_key ON pgflow.steps USING btree (flow_slug, step_index)'),
    ('steps_pkey',                     'CREATE UNIQUE INDEX steps_pkey ON pgflow.steps USING btree (flow_slug, step_slug)')$$,
  'steps has only the primary key and the unique index'
);

select * from finish();
rollback;
