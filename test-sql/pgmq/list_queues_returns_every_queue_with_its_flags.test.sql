begin;
select plan(3);

select pgmq.drop_queue(queue_name) from pgmq.list_queues();  -- start without queues (rolled back at the end)

select is_empty($$select * from pgmq.list_queues()$$, 'list_queues is empty once every queue is dropped');
select pgmq.create('listed_standard');
select pgmq.create_unlogged('listed_unlogged');

select set_eq($$select queue_name, is_partitioned, is_unlogged, created_at = now() from pgmq.list_queues()$$,
              $$values ('listed_standard'::varchar, false, false, true), ('listed_unlogged', false, true, true)$$,
              'every queue with its flags');
select is(
  (select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
   from pg_attribute a where a.attrelid = 'pgmq.queue_record'::regclass and a.attnum > 0 and not a.attisdropped),
  'queue_name character varying, is_partitioned boolean, is_unlogged boolean, created_at timestamp with time zone',
  'list_queues returns queue_record');

select * from finish();
rollback;
