begin;
select plan(5);

select pgmq.create_unlogged('test_unlogged_queue');

select is((select relpersistence::text from pg_class where oid = 'pgmq.q_test_unlogged_queue'::regclass), 'u',
          'the queue table is unlogged');
select is((select relpersistence::text from pg_class where oid = 'pgmq.a_test_unlogged_queue'::regclass), 'p',
          'the archive table is logged');
select results_eq($$select is_partitioned, is_unlogged from pgmq.list_queues()$$, $$values (false, true)$$,
                  'meta records is_unlogged');
select results_eq($$select * from pgmq.send('test_unlogged_queue', '{"hello": "world"}', '{"header": 1}'::jsonb)$$,
                  array[1::bigint], 'send works');
select results_eq(
  $$select msg_id, read_ct, enqueued_at > now(), vt > now(), message, headers from pgmq.read('test_unlogged_queue', 2, 1)$$,
  $$values (1::bigint, 1, false, true, '{"hello": "world"}'::jsonb, '{"header": 1}'::jsonb)$$,
  'read returns the message with its headers');

select * from finish();
rollback;
