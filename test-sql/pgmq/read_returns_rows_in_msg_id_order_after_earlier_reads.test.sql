-- pgmq flavour: compat
-- Our layer returns the rows of read and read_with_poll in msg_id order, whatever their physical
-- order (spec: upstream has no ORDER BY; "SHOULD return them ordered by msg_id explicitly").
-- Compat only: the pgmq 1.5.1 extension returns them in the order its UPDATE produces them, where
-- a message read before can come after newer ones (it still takes the oldest visible messages,
-- read_returns_visible_messages_in_msg_id_order).
begin;
select plan(3);

select pgmq.create('read_order');
select pgmq.send_batch('read_order', array['{"n": 1}', '{"n": 2}', '{"n": 3}', '{"n": 4}', '{"n": 5}']::jsonb[]);
select pgmq.read('read_order', 0, 1);
select pgmq.read('read_order', 0, 1, '{"n": 3}');

select results_eq($$select msg_id from pgmq.read('read_order', 0, 10)$$, array[1::bigint, 2, 3, 4, 5],
                  'read: messages read before come back in msg_id order with the others');
select results_eq($$select msg_id from pgmq.read_with_poll('read_order', 10, 10, 1, 10)$$, array[1::bigint, 2, 3, 4, 5],
                  'read_with_poll too');

select pgmq.send_batch('read_order', array(select jsonb_build_object('i', i) from generate_series(1, 300) i));
select results_eq($$select array_agg(msg_id) from pgmq.read('read_order', 10, 300)$$,
                  $$select array_agg(i::bigint order by i) from generate_series(6, 305) i$$,
                  'a large read comes back in msg_id order');

select * from finish();
rollback;
