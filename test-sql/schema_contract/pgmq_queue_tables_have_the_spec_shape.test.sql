-- pgmq.md §1.4 and §1.5 (minimum surface: "for each queue ... pgmq.q_<name> and its identity
-- sequence pgmq.q_<name>_msg_id_seq; pgmq.a_<name>"): the tables a queue gets, their columns in the
-- message_record order, identity, keys, index names, persistence and the meta row.
begin;
select plan(9);

create function pg_temp.columns_of(tbl regclass)
returns table (col text, data_type text, not_null boolean, default_expr text, identity text)
language sql as $$
  select a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
         nullif(a.attidentity::text, '')
    from pg_attribute a
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = tbl and a.attnum > 0 and not a.attisdropped
   order by a.attnum
$$;
create function pg_temp.indexes_of(tbl regclass)
returns table (name text, definition text)
language sql as $$
  select c.relname::text, pg_get_indexdef(i.indexrelid)
    from pg_index i join pg_class c on c.oid = i.indexrelid
   where i.indrelid = tbl order by 1
$$;

select pgmq.create('sc_shape');

select results_eq(
  $$select * from pg_temp.columns_of('pgmq.q_sc_shape')$$,
  $$values
    ('msg_id',      'bigint',                   true,  null,    'a'),
    ('read_ct',     'integer',                  true,  '0',     null),
    ('enqueued_at', 'timestamp with time zone', true,  'now()', null),
    ('vt',          'timestamp with time zone', true,  null,    null),
    ('message',     'jsonb',                    false, null,    null),
    ('headers',     'jsonb',                    false, null,    null)$$,
  'q_<name>: columns in message_record order; msg_id GENERATED ALWAYS AS IDENTITY'
);

select results_eq(
  $$select col, data_type from pg_temp.columns_of('pgmq.q_sc_shape')$$,
  $$select a.attname::text collate "default", format_type(a.atttypid, a.atttypmod) from pg_attribute a
     where a.attrelid = (select typrelid from pg_type where oid = 'pgmq.message_record'::regtype) and a.attnum > 0
     order by a.attnum$$,
  'q_<name> columns equal pgmq.message_record attribute for attribute'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgmq.q_sc_shape')$$,
  $$values
    ('q_sc_shape_pkey',   'CREATE UNIQUE INDEX q_sc_shape_pkey ON pgmq.q_sc_shape USING btree (msg_id)'),
    ('q_sc_shape_vt_idx', 'CREATE INDEX q_sc_shape_vt_idx ON pgmq.q_sc_shape USING btree (vt)')$$,
  'q_<name> indexes: q_<name>_pkey (msg_id) and q_<name>_vt_idx (vt)'
);

select is(
  pg_get_serial_sequence('pgmq.q_sc_shape', 'msg_id'),
  'pgmq.q_sc_shape_msg_id_seq',
  'the identity sequence is pgmq.q_<name>_msg_id_seq (metrics reads it by that name)'
);

select results_eq(
  $$select * from pg_temp.columns_of('pgmq.a_sc_shape')$$,
  $$values
    ('msg_id',      'bigint',                   true,  null,    null),
    ('read_ct',     'integer',                  true,  '0',     null),
    ('enqueued_at', 'timestamp with time zone', true,  'now()', null),
    ('archived_at', 'timestamp with time zone', true,  'now()', null),
    ('vt',          'timestamp with time zone', true,  null,    null),
    ('message',     'jsonb',                    false, null,    null),
    ('headers',     'jsonb',                    false, null,    null)$$,
  'a_<name>: columns in order (archived_at 4th), msg_id without identity'
);

select results_eq(
  $$select * from pg_temp.indexes_of('pgmq.a_sc_shape')$$,
  $$values
    ('a_sc_shape_pkey',          'CREATE UNIQUE INDEX a_sc_shape_pkey ON pgmq.a_sc_shape USING btree (msg_id)'),
    ('archived_at_idx_sc_shape', 'CREATE INDEX archived_at_idx_sc_shape ON pgmq.a_sc_shape USING btree (archived_at)')$$,
  'a_<name> indexes: a_<name>_pkey (msg_id) and archived_at_idx_<name> (archived_at)'
);

select is(
  (select array_agg(c.relpersistence::text order by c.relname) from pg_class c
    where c.oid in ('pgmq.q_sc_shape'::regclass, 'pgmq.a_sc_shape'::regclass)),
  array['p', 'p'],
  'a plain queue and its archive are logged tables'
);

select results_eq(
  $$select queue_name::text, is_partitioned, is_unlogged from pgmq.meta where queue_name = 'sc_shape'$$,
  $$values ('sc_shape', false, false)$$,
  'the queue has one meta row, not partitioned, not unlogged'
);

select pgmq.create('Sc_Mixed');
select ok(
  to_regclass('pgmq.q_sc_mixed') is not null and to_regclass('pgmq.a_sc_mixed') is not null
    and to_regclass('pgmq."q_Sc_Mixed"') is null,
  'table names are lower-cased (§1.5): queue Sc_Mixed uses pgmq.q_sc_mixed and pgmq.a_sc_mixed'
);

select * from finish();
rollback;
