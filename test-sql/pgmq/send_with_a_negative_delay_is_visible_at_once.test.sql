begin;
select plan(2);

select pgmq.create('negative_delay');
select pgmq.send('negative_delay', '{"late": true}', -10);

select ok((select vt < now() from pgmq.q_negative_delay), 'vt lies in the past');
select results_eq($$select msg_id from pgmq.read('negative_delay', 10, 1)$$, array[1::bigint], 'the message can be read');

select * from finish();
rollback;
