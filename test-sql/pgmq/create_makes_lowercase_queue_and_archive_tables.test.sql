begin;
select plan(13);

select pgmq.create('Orders-EU');

select has_table('pgmq', 'q_orders-eu', 'the queue table name is lower-cased');
select has_table('pgmq', 'a_orders-eu', 'the archive table name is lower-cased');

select is(
  (select string_agg(attname || ' ' || format_type(atttypid, atttypmod) || case when attnotnull then ' not null' else '' end,
                     ', ' order by attnum)
   from pg_attribute where attrelid = 'pgmq."q_orders-eu"'::regclass and attnum > 0 and not attisdropped),
  'msg_id bigint not null, read_ct integer not null, enqueued_at timestamp with time zone not null, '
  'vt timestamp with time zone not null, message jsonb, headers jsonb',
  'queue columns match message_record, in order');
select is(
  (select string_agg(attname || ' ' || format_type(atttypid, atttypmod) || case when attnotnull then ' not null' else '' end,
                     ', ' order by attnum)
   from pg_attribute where attrelid = 'pgmq."a_orders-eu"'::regclass and attnum > 0 and not attisdropped),
  'msg_id bigint not null, read_ct integer not null, enqueued_at timestamp with time zone not null, '
  'archived_at timestamp with time zone not null, vt timestamp with time zone not null, message jsonb, headers jsonb',
  'archive columns, in order');

select is((select attidentity from pg_attribute
           where attrelid = 'pgmq."q_orders-eu"'::regclass and attname = 'msg_id'),
          'a', 'queue msg_id is GENERATED ALWAYS AS IDENTITY');
select is((select attidentity from pg_attribute
           where attrelid = 'pgmq."a_orders-eu"'::regclass and attname = 'msg_id'),
          '', 'archive msg_id is a plain column');
select is(pg_get_serial_sequence('pgmq."q_orders-eu"', 'msg_id'), 'pgmq."q_orders-eu_msg_id_seq"',
          'the identity sequence has the name metrics() reads');

select col_is_pk('pgmq', 'q_orders-eu', 'msg_id', 'queue primary key is msg_id');
select col_is_pk('pgmq', 'a_orders-eu', 'msg_id', 'archive primary key is msg_id');
select has_index('pgmq', 'q_orders-eu', 'q_orders-eu_vt_idx', array['vt'], 'vt index on the queue');
select has_index('pgmq', 'a_orders-eu', 'archived_at_idx_Orders-EU', array['archived_at'],
                 'the archive index keeps the name as given');

select results_eq(
  $$select queue_name::text, is_partitioned, is_unlogged, created_at = now() from pgmq.meta$$,
  $$values ('Orders-EU', false, false, true)$$,
  'meta stores the name as given, created now');

select is((select relpersistence::text from pg_class where oid = 'pgmq."q_orders-eu"'::regclass), 'p',
          'a standard queue table is logged');

select * from finish();
rollback;
