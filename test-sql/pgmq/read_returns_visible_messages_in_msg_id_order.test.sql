begin;
select plan(5);

select pgmq.create('read_order');
select pgmq.send('read_order', '{"n": 1}');
select pgmq.send('read_order', '{"n": 2}');
select pgmq.send('read_order', '{"n": 3}');
select pgmq.send('read_order', '{"n": 4}', 60);

select results_eq($$select msg_id from pgmq.read('read_order', 5, 1)$$, array[1::bigint], 'qty 1 returns the oldest');
select results_eq($$select msg_id from pgmq.read('read_order', 10, 5)$$, array[2::bigint, 3],
                  'the next read skips hidden and delayed messages');
select is_empty($$select * from pgmq.read('read_order', 10, 5)$$, 'nothing is left visible');

select pgmq.send_batch('read_order', array(select jsonb_build_object('i', i) from generate_series(1, 300) i));
select results_eq($$select array_agg(msg_id) from pgmq.read('read_order', 10, 300)$$,
                  $$select array_agg(i::bigint order by i) from generate_series(5, 304) i$$,
                  'a large read comes back in msg_id order');
select results_eq($$select msg_id from pgmq.read(queue_name => 'read_order', vt => 10, qty => 1)$$, array[]::bigint[],
                  'named notation works');

select * from finish();
rollback;
