begin;
select plan(6);

select pgmq.create('set_vt_queue');

select is_empty($$select * from pgmq.set_vt('set_vt_queue', 9999, 0)$$, 'an unknown id gives an empty result');
select pgmq.send('set_vt_queue', '{"hello": "world"}');

select results_eq($$select msg_id from pgmq.set_vt('set_vt_queue', 1, 100)$$, array[1::bigint], 'set_vt returns the row');
select ok((select vt > clock_timestamp() + interval '99 seconds' from pgmq.q_set_vt_queue), 'vt moved 100 s ahead');
select is_empty($$select * from pgmq.read('set_vt_queue', 1, 1)$$, 'the message is hidden');
select results_eq($$select msg_id from pgmq.set_vt(queue_name => 'set_vt_queue', msg_id => 1, vt => 0)$$, array[1::bigint],
                  'vt 0 with named notation');
select results_eq($$select msg_id from pgmq.read('set_vt_queue', 1, 1)$$, array[1::bigint], 'the message is visible again');

select * from finish();
rollback;
