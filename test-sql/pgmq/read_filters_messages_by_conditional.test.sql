-- Rows are compared in msg_id order: only our layer returns them in that order
-- (read_returns_rows_in_msg_id_order_after_earlier_reads, compat only).
begin;
select plan(4);

select pgmq.create('conditional');
select pgmq.send_batch('conditional', array['{"kind": "a", "n": 1}', '{"kind": "b", "n": 2}', '{"kind": "a", "n": 3}', '7']::jsonb[]);
select pgmq.send('conditional', null);

select results_eq($$select msg_id from pgmq.read('conditional', 0, 10, '{"kind": "a"}') order by msg_id$$, array[1::bigint, 3],
                  'only messages containing the filter');
select results_eq($$select msg_id from pgmq.read('conditional', 0, 10, '{}') order by msg_id$$, array[1::bigint, 2, 3, 4, 5],
                  'an empty filter matches every message, scalars and NULL too');
select results_eq($$select msg_id from pgmq.read('conditional', 0, 10, null) order by msg_id$$, array[1::bigint, 2, 3, 4, 5],
                  'a NULL filter behaves like {}');
select results_eq($$select msg_id from pgmq.read_with_poll('conditional', 0, 10, 1, 100, '{"kind": "b"}') order by msg_id$$, array[2::bigint],
                  'read_with_poll filters too');

select * from finish();
rollback;
