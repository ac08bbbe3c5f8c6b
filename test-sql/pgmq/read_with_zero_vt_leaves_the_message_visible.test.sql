begin;
select plan(3);

select pgmq.create('test_default_queue');

select results_eq($$select * from pgmq.send('test_default_queue', '{"hello": "world"}')$$, array[1::bigint], 'send');
select results_eq($$select msg_id from pgmq.read('test_default_queue', 0, 1)$$, array[1::bigint], 'read with vt 0');
select results_eq($$select msg_id from pgmq.read('test_default_queue', 2, 1, '{"hello": "world"}')$$, array[1::bigint],
                  'the message can be read again at once');

select * from finish();
rollback;
