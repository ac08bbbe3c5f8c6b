begin;
select plan(2);

select pgmq.create('null_message');

select results_eq($$select * from pgmq.send('null_message', null)$$, array[1::bigint], 'send accepts NULL');
select results_eq($$select msg_id, read_ct, message from pgmq.read('null_message', 1, 1)$$,
                  $$values (1::bigint, 1, null::jsonb)$$, 'read returns the NULL message');

select * from finish();
rollback;
