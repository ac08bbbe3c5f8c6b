-- pgflow-sql.md §3, §4, §4.9 and §11: schema pgflow holds the eight spec tables, no enums, no
-- domains, the composite type pgflow.step_task_record (attributes in order); the spec tables have
-- no RLS, no triggers other than the foreign-key ones, and no cascading foreign key.
-- Our additive objects (tables, views, public functions that are not in the spec) are allowed and
-- listed as diagnostics; they must not change the spec objects, which the other files pin.
begin;
select plan(9);

create temporary table spec_table (name text) on commit drop;
insert into spec_table values
  ('flows'), ('steps'), ('deps'), ('runs'), ('step_states'), ('step_tasks'), ('workers'), ('worker_functions');

select has_schema('pgflow', 'schema pgflow exists');

select is_empty(
  $$select name from spec_table
     except
    select c.relname::text from pg_class c where c.relnamespace = 'pgflow'::regnamespace and c.relkind in ('r', 'p')$$,
  'every one of the eight spec tables exists as a table in pgflow'
);

select diag('additive (non-spec) relations in pgflow: ' || coalesce(string_agg(c.relname::text || ' (' || c.relkind::text || ')', ', ' order by c.relname), 'none'))
  from pg_class c
 where c.relnamespace = 'pgflow'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
   and c.relname::text not in (select name from spec_table);

select enums_are('pgflow', array[]::name[], 'pgflow has no enum types (statuses are text + CHECK, §3)');

select domains_are('pgflow', array[]::name[], 'pgflow has no domains (§3)');

select has_composite('pgflow', 'step_task_record', 'pgflow.step_task_record is a composite type');

select results_eq(
  $$select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod)
      from pg_attribute a
     where a.attrelid = (select typrelid from pg_type where oid = 'pgflow.step_task_record'::regtype)
       and a.attnum > 0 and not a.attisdropped
     order by a.attnum$$,
  $$values
    ('flow_slug',  'text'),
    ('run_id',     'uuid'),
    ('step_slug',  'text'),
    ('input',      'jsonb'),
    ('msg_id',     'bigint'),
    ('task_index', 'integer'),
    ('flow_input', 'jsonb')$$,
  'pgflow.step_task_record attributes, in order, with their types (§3.1)'
);

select is_empty(
  $$select c.oid::regclass from pg_class c
     where c.relnamespace = 'pgflow'::regnamespace and c.relname::text in (select name from spec_table)
       and (c.relrowsecurity or c.relforcerowsecurity)$$,
  'no spec table has row level security (§11)'
);

select is_empty(
  $$select t.tgrelid::regclass, t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where c.relnamespace = 'pgflow'::regnamespace and c.relname::text in (select name from spec_table)
       and not t.tgisinternal$$,
  'spec tables have no triggers, only the internal foreign-key ones (§11)'
);

select is_empty(
  $$select c.conrelid::regclass, c.conname from pg_constraint c
     where c.contype = 'f'
       and c.conrelid in (select ('pgflow.' || name)::regclass from spec_table)
       and (c.confdeltype = 'c' or c.confupdtype = 'c')$$,
  'no foreign key of a spec table cascades (§4.9)'
);

select * from finish();
rollback;
