-- pgflow-sql.md §4.6, §3.2 and §4.9: pgflow.step_tasks in the installed (migration) column order
-- (started_at 13th, defect 22), its constraints (exact names and definitions, the ON DELETE SET NULL
-- foreign key to workers) and its indexes with partial predicates.
-- Deliberate difference: valid_status also accepts 'cancelled' and 'skipped' (defect 7).
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

select has_table('pgflow', 'step_tasks', 'pgflow.step_tasks exists');

select results_eq(
  $$select * from pg_temp.columns_of('pgflow.step_tasks')$$,
  $$values
    ('flow_slug',              'text',                     true,  null),
    ('run_id',                 'uuid',                     true,  null),
    ('step_slug',              'text',                     true,  null),
    ('message_id',             'bigint',                   false, null),
    ('task_index',             'integer',                  true,  '0'),
    ('status',                 'text',                     true,  '''queued''::text'),
    ('attempts_count',         'integer',                  true,  '0'),
    ('error_message',          'text',                     false, null),
    ('output',                 'jsonb',                    false, null),
    ('queued_at',              'timestamp with time zone', true,  'now()'),
    ('completed_at',           'timestamp with time zone', false, null),
    ('failed_at',              'timestamp with time zone', false, null),
    ('started_at',             'timestamp with time zone', false, null),
    ('last_worker_id',         'uuid',                     false, null),
    ('requeued_count',         'integer',                  true,  '0'),
    ('last_requeued_at',       'timestamp with time zone', false, null),
    ('permanently_stalled_at', 'timestamp with time zone', false, null)$$,
  'step_tasks columns: installed order, types, NOT NULL and defaults'
);

select col_is_pk('pgflow', 'step_tasks', array['run_id', 'step_slug', 'task_index'],
  'step_tasks primary key is (run_id, step_slug, task_index)');

select results_eq(
  $$select * from pg_temp.constraints_of('pgflow.step_tasks')$$,
  $$values
    ('attempts_count_nonnegative',       'CHECK ((attempts_count >= 0))'),
    ('completed_at_is_after_queued_at',  'CHECK (((completed_at IS NULL) OR (completed_at >= queued_at)))'),
    ('completed_at_is_after_started_at', 'CHECK (((completed_at IS NULL) OR (started_at IS NULL) OR (completed_at >= started_at)))'),
    ('completed_at_or_failed_at',        'CHECK ((NOT ((completed_at IS NOT NULL) AND (failed_at IS NOT NULL))))'),
    ('failed_at_is_after_queued_at',     'CHECK (((failed_at IS NULL) OR (failed_at >= queued_at)))'),
    ('failed_at_is_after_started_at',    'CHECK (((failed_at IS NULL) OR (started_at IS NULL) OR (failed_at >= started_at)))'),
    ('output_valid_only_for_completed',  'CHECK (((output IS NULL) OR (status = ANY (ARRAY[''completed''::text, ''failed''::text]))))'),
    ('started_at_is_after_queued_at',    'CHECK (((started_at IS NULL) OR (started_at >= queued_at)))'),
    ('step_tasks_flow_slug_fkey',        'FOREIGN KEY (flow_slug) REFERENCES pgflow.flows(flow_slug)'),
    ('step_tasks_last_worker_id_fkey',   'FOREIGN KEY (last_worker_id) REFERENCES pgflow.workers(worker_id) ON DELETE SET NULL'),
    ('step_tasks_pkey',                  'PRIMARY KEY (run_id, step_slug, task_index)'),
    ('step_tasks_run_id_fkey',           'FOREIGN KEY (run_id) REFERENCES pgflow.runs(run_id)'),
    ('step_tasks_run_id_step_slug_fkey', 'FOREIGN KEY (run_id, step_slug) REFERENCES pgflow.step_states(run_id, step_slug)'),
    -- DELIBERATE (defect 7): upstream 0.14.1 allows only queued, started, completed, failed.
    ('valid_status',                     'CHECK ((status = ANY (ARRAY[''queued''::text, ''started''::text, ''completed''::text, ''failed''::text, ''cancelled''::text, ''skipped''::text])))')$$,
  'step_tasks constraints: exact names and definitions (valid_status with cancelled/skipped, defect 7)'
);

select is(
  (select c.confdeltype::text || c.confupdtype::text from pg_constraint c
    where c.conrelid = 'pgflow.step_tasks'::regclass and c.conname = 'step_tasks_last_worker_id_fkey'),
  'na',
  'step_tasks_last_worker_id_fkey is ON DELETE SET NULL (and ON UPDATE NO ACTION)'
);

-- Every upstream status is still accepted (compatibility); the two additive ones too (defect 7).
select is(
  pg_temp.check_accepts('pgflow.step_tasks', 'valid_status', 'status',
    $$values ('queued'), ('started'), ('completed'), ('failed'), ('cancelled'), ('skipped'), ('created'), ('Queued')$$),
  array[true, true, true, true, true, true, false, false],
  'valid_status accepts the four upstream statuses plus cancelled and skipped (defect 7), nothing else'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgflow.step_tasks')$$,
  $$values
    ('idx_step_tasks_completed',     'CREATE INDEX idx_step_tasks_completed ON pgflow.step_tasks USING btree (run_id, step_slug) WHERE (status = ''completed''::text)'),
    ('idx_step_tasks_failed',        'CREATE INDEX idx_step_tasks_failed ON pgflow.step_tasks USING btree (run_id, step_slug) WHERE (status = ''failed''::text)'),
    ('idx_step_tasks_flow_run_step', 'CREATE INDEX idx_step_tasks_flow_run_step ON pgflow.step_tasks USING btree (flow_slug, run_id, step_slug)'),
    ('idx_step_tasks_last_worker',   'CREATE INDEX idx_step_tasks_last_worker ON pgflow.step_tasks USING btree (last_worker_id) WHERE (status = ''started''::text)'),
    ('idx_step_tasks_message_id',    'CREATE INDEX idx_step_tasks_message_id ON pgflow.step_tasks USING btree (message_id)'),
    ('idx_step_tasks_queued',        'CREATE INDEX idx_step_tasks_queued ON pgflow.step_tasks USING btree (run_id, step_slug) WHERE (status = ''queued''::text)'),
    ('idx_step_tasks_queued_msg',    'CREATE INDEX idx_step_tasks_queued_msg ON pgflow.step_tasks USING btree (message_id) WHERE (status = ''queued''::text)'),
    ('idx_step_tasks_started',       'CREATE INDEX idx_step_tasks_started ON pgflow.step_tasks USING btree (started_at) WHERE (status = ''started''::text)'),
    ('step_tasks_pkey',              'CREATE UNIQUE INDEX step_tasks_pkey ON pgflow.step_tasks USING btree (run_id, step_slug, task_index)')$$,
  'step_tasks indexes: names, columns and partial predicates'
);

select * from finish();
rollback;
