begin;
select plan(3);

create function pg_temp.attributes(type_name text) returns text language sql as $$
  select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
  from pg_attribute a
  where a.attrelid = (select typrelid from pg_type where oid = type_name::regtype) and a.attnum > 0 and not a.attisdropped
$$;

select is(pg_temp.attributes('pgmq.message_record'),
  'msg_id bigint, read_ct integer, enqueued_at timestamp with time zone, vt timestamp with time zone, message jsonb, headers jsonb',
  'message_record has headers (pgflow checks for it)');
select is(pg_temp.attributes('pgmq.queue_record'),
  'queue_name character varying, is_partitioned boolean, is_unlogged boolean, created_at timestamp with time zone',
  'queue_record');
select is(pg_temp.attributes('pgmq.metrics_result'),
  'queue_name text, queue_length bigint, newest_msg_age_sec integer, oldest_msg_age_sec integer, total_messages bigint, '
  'scrape_time timestamp with time zone, queue_visible_length bigint',
  'metrics_result');

select * from finish();
rollback;
