-- Names, parameter names, types, defaults and return types are API (callers use named notation).
-- (Our layer's pgmq 1.8 notify pair: notify_insert_functions_have_the_pgmq_1_8_signatures, compat only.)
begin;
select plan(3);

select set_has(
  $$select p.proname || '(' || pg_get_function_arguments(p.oid) || ') returns ' || pg_get_function_result(p.oid)
    from pg_proc p where p.pronamespace = 'pgmq'::regnamespace$$,
  $$values
    ('create(queue_name text) returns void'),
    ('create_non_partitioned(queue_name text) returns void'),
    ('create_unlogged(queue_name text) returns void'),
    ('create_partitioned(queue_name text, partition_interval text DEFAULT ''10000''::text, retention_interval text DEFAULT ''100000''::text) returns void'),
    ('drop_queue(queue_name text) returns boolean'),
    ('drop_queue(queue_name text, partitioned boolean) returns boolean'),
    ('purge_queue(queue_name text) returns bigint'),
    ('list_queues() returns SETOF pgmq.queue_record'),
    ('detach_archive(queue_name text) returns void'),
    ('send(queue_name text, msg jsonb) returns SETOF bigint'),
    ('send(queue_name text, msg jsonb, headers jsonb) returns SETOF bigint'),
    ('send(queue_name text, msg jsonb, delay integer) returns SETOF bigint'),
    ('send(queue_name text, msg jsonb, delay timestamp with time zone) returns SETOF bigint'),
    ('send(queue_name text, msg jsonb, headers jsonb, delay integer) returns SETOF bigint'),
    ('send(queue_name text, msg jsonb, headers jsonb, delay timestamp with time zone) returns SETOF bigint'),
    ('send_batch(queue_name text, msgs jsonb[]) returns SETOF bigint'),
    ('send_batch(queue_name text, msgs jsonb[], headers jsonb[]) returns SETOF bigint'),
    ('send_batch(queue_name text, msgs jsonb[], delay integer) returns SETOF bigint'),
    ('send_batch(queue_name text, msgs jsonb[], delay timestamp with time zone) returns SETOF bigint'),
    ('send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay integer) returns SETOF bigint'),
    ('send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay timestamp with time zone) returns SETOF bigint'),
    ('read(queue_name text, vt integer, qty integer, conditional jsonb DEFAULT ''{}''::jsonb) returns SETOF pgmq.message_record'),
    ('read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5, poll_interval_ms integer DEFAULT 100, conditional jsonb DEFAULT ''{}''::jsonb) returns SETOF pgmq.message_record'),
    ('pop(queue_name text) returns SETOF pgmq.message_record'),
    ('set_vt(queue_name text, msg_id bigint, vt integer) returns SETOF pgmq.message_record'),
    ('archive(queue_name text, msg_id bigint) returns boolean'),
    ('archive(queue_name text, msg_ids bigint[]) returns SETOF bigint'),
    ('delete(queue_name text, msg_id bigint) returns boolean'),
    ('delete(queue_name text, msg_ids bigint[]) returns SETOF bigint'),
    ('metrics(queue_name text) returns pgmq.metrics_result'),
    ('metrics_all() returns SETOF pgmq.metrics_result'),
    ('format_table_name(queue_name text, prefix text) returns text'),
    ('validate_queue_name(queue_name text) returns void')$$,
  'every pgmq 1.5.1 function exists with its exact signature');

select is_empty(
  $$select p.oid::regprocedure from pg_proc p where p.pronamespace = 'pgmq'::regnamespace and p.prosecdef$$,
  'no function is SECURITY DEFINER');

select is_empty(
  $$select p.oid::regprocedure from pg_proc p
    where p.pronamespace = 'pgmq'::regnamespace and p.proname in ('send', 'send_batch', 'archive', 'delete')
      and p.pronargdefaults > 0$$,
  'send, send_batch, archive and delete have no defaults');

select * from finish();
rollback;
