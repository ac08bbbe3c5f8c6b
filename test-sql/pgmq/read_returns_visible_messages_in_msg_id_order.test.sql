-- Which messages a read takes: the oldest visible ones. (The order of the returned rows is our
-- layer's choice: read_returns_rows_in_msg_id_order_after_earlier_reads, compat only.)
begin;
select plan(4);

select pgmq.create('read_order');
select pgmq.send('read_order', '{"n": 1}');
select pgmq.send('read_order', '{"n": 2}');
select pgmq.send('read_order', '{"n": 3}');
select pgmq.send('read_order', '{"n": 4}', 60);

select results_eq($$select msg_id from pgmq.read('read_order', 5, 1)$$, array[1::bigint], 'qty 1 returns the oldest');
select results_eq($$select msg_id from pgmq.read('read_order', 10, 5) order by msg_id$$, array[2::bigint, 3],
                  'the next read skips hidden and delayed messages');
select is_empty($$select * from pgmq.read('read_order', 10, 5)$$, 'nothing is left visible');

select results_eq($$select msg_id from pgmq.read(queue_name => 'read_order', vt => 10, qty => 1)$$, array[]::bigint[],
                  'named notation works');

select * from finish();
rollback;
