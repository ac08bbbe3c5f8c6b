-- pgflow-sql.md §4.5 and §3.2: pgflow.step_states in the installed (migration) column order
-- (defect 22), its constraints with exact names (and definitions where the spec gives them) and its
-- indexes with their columns and partial predicates.
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


-- Evaluates the expression of a CHECK constraint on rows of the given columns and tells, per row,
-- whether the constraint accepts it (a NULL result passes, as in PostgreSQL).
create function pg_temp.check_accepts(tbl regclass, con text, cols text, rows_sql text)
returns boolean[]
language plpgsql as $$
declare
  v_result boolean[];
begin
  execute format(
    'select array_agg(coalesce((%s), true) order by t.ord) from (select row_number() over () as ord, * from (%s) as v(%s)) as t',
    (select pg_get_expr(c.conbin, c.conrelid) from pg_constraint c where c.conrelid = tbl and c.conname = con),
    rows_sql, cols)
  into v_result;
  return v_result;
end;
$$;

select has_table('pgflow', 'step_states', 'pgflow.step_states exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.step_states')$$,
  $$values
    ('flow_slug',       'text',                     true,  null),
    ('run_id',          'uuid',                     true,  null),
    ('step_slug',       'text',                     true,  null),
    ('status',          'text',                     true,  '''created''::text'),
    ('remaining_tasks', 'integer',                  false, null),
    ('remaining_deps',  'integer',                  true,  '0'),
    ('created_at',      'timestamp with time zone', true,  'now()'),
    ('started_at',      'timestamp with time zone', false, null),
    ('completed_at',    'timestamp with time zone', false, null),
    ('failed_at',       'timestamp with time zone', false, null),
    ('error_message',   'text',                     false, null),
    ('initial_tasks',   'integer',                  false, null),
    ('output',          'jsonb',                    false, null),
    ('skip_reason',     'text',                     false, null),
    ('skipped_at',      'timestamp with time zone', false, null)$$,
  'step_states columns: installed order, types, NOT NULL and defaults'
);

select col_is_pk('pgflow', 'step_states', array['run_id', 'step_slug'], 'step_states primary key is (run_id, step_slug)');

select results_eq(
  $$select name, case when name = 'completed_at_or_failed_at_or_skipped_at' then '(see below)' else definition end
      from pg_temp.constraints_of('pgflow.step_states')$$,
  $$values
    ('completed_at_is_after_started_at',        'CHECK (((completed_at IS NULL) OR (completed_at >= started_at)))'),
    ('completed_at_or_failed_at_or_skipped_at', '(see below)'),
    ('failed_at_is_after_started_at',           'CHECK (((failed_at IS NULL) OR (failed_at >= started_at)))'),
    ('initial_tasks_known_when_started',        'CHECK (((status <> ''started''::text) OR (initial_tasks IS NOT NULL)))'),
    ('output_only_for_completed_or_null',       'CHECK (((output IS NULL) OR (status = ''completed''::text)))'),
    ('remaining_tasks_state_consistency',       'CHECK (((remaining_tasks IS NULL) OR (status <> ALL (ARRAY[''created''::text, ''skipped''::text]))))'),
    ('skip_reason_matches_status',              'CHECK ((((status = ''skipped''::text) AND (skip_reason IS NOT NULL)) OR ((status <> ''skipped''::text) AND (skip_reason IS NULL))))'),
    ('skipped_at_is_after_created_at',          'CHECK (((skipped_at IS NULL) OR (skipped_at >= created_at)))'),
    ('started_at_is_after_created_at',          'CHECK (((started_at IS NULL) OR (started_at >= created_at)))'),
    ('status_and_remaining_tasks_match',        'CHECK (((status <> ''completed''::text) OR (remaining_tasks = 0)))'),
    ('status_is_valid',                         'CHECK ((status = ANY (ARRAY[''created''::text, ''started''::text, ''completed''::text, ''failed''::text, ''skipped''::text])))'),
    ('step_states_flow_slug_fkey',              'FOREIGN KEY (flow_slug) REFERENCES pgflow.flows(flow_slug)'),
    ('step_states_flow_slug_step_slug_fkey',    'FOREIGN KEY (flow_slug, step_slug) REFERENCES pgflow.steps(flow_slug, step_slug)'),
    ('step_states_initial_tasks_check',         'CHECK (((initial_tasks IS NULL) OR (initial_tasks >= 0)))'),
    ('step_states_pkey',                        'PRIMARY KEY (run_id, step_slug)'),
    ('step_states_remaining_deps_check',        'CHECK ((remaining_deps >= 0))'),
    ('step_states_run_id_fkey',                 'FOREIGN KEY (run_id) REFERENCES pgflow.runs(run_id)')$$,
  'step_states constraints: exact names and definitions'
);

-- The spec gives completed_at_or_failed_at_or_skipped_at only as a rule ("at most one of completed_at,
-- failed_at, skipped_at is non-NULL"), so its expression is checked on all eight combinations.
select is(
  pg_temp.check_accepts('pgflow.step_states', 'completed_at_or_failed_at_or_skipped_at',
    'completed_at, failed_at, skipped_at',
    $$values (null::timestamptz, null::timestamptz, null::timestamptz),
             (now(), null, null), (null, now(), null), (null, null, now()),
             (now(), now(), null), (now(), null, now()), (null, now(), now()), (now(), now(), now())$$),
  array[true, true, true, true, false, false, false, false],
  'completed_at_or_failed_at_or_skipped_at allows at most one of the three timestamps'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.step_states')$$,
  $$values
    ('idx_step_states_failed',    'CREATE INDEX idx_step_states_failed ON pgflow.step_states USING btree (run_id, step_slug) WHERE (status = ''failed''::text)'),
    ('idx_step_states_flow_slug', 'CREATE INDEX idx_step_states_flow_slug ON pgflow.step_states USING btree (flow_slug)'),
    ('idx_step_states_ready',     'CREATE INDEX idx_step_states_ready ON pgflow.step_states USING btree (run_id, status, remaining_deps) WHERE ((status = ''created''::text) AND (remaining_deps = 0))'),
    ('idx_step_states_run_id',    'CREATE INDEX idx_step_states_run_id ON pgflow.step_states USING btree (run_id)'),
    ('idx_step_states_skipped',   'CREATE INDEX idx_step_states_skipped ON pgflow.step_states USING btree (run_id, step_slug) WHERE (status = ''skipped''::text)'),
    ('step_states_pkey',          'CREATE UNIQUE INDEX step_states_pkey ON pgflow.step_states USING btree (run_id, step_slug)')$$,
  'step_states indexes: names, columns and partial predicates'
);

select * from finish();
rollback;
