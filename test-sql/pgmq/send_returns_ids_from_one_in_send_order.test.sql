begin;
select plan(4);

select pgmq.create('send_order');

select results_eq($$select send from pgmq.send('send_order', '{"n": 1}')$$, array[1::bigint],
                  'the first id is 1 and the output column is named send');
select results_eq($$select * from pgmq.send(queue_name => 'send_order', msg => '{"n": 2}')$$, array[2::bigint],
                  'named notation works');
select results_eq($$select pgmq.send('send_order', '{"n": 3}')$$, array[3::bigint], 'ids grow by one');
select results_eq(
  $$select msg_id, read_ct, enqueued_at = now(), vt <= clock_timestamp(), message, headers
    from pgmq.q_send_order order by msg_id$$,
  $$values (1::bigint, 0, true, true, '{"n": 1}'::jsonb, null::jsonb),
           (2, 0, true, true, '{"n": 2}', null),
           (3, 0, true, true, '{"n": 3}', null)$$,
  'rows start unread, enqueued at transaction start, visible, without headers');

select * from finish();
rollback;
