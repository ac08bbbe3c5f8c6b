begin;
select plan(1);

select pgmq.create('no_limit');
select pgmq.send_batch('no_limit', array['{}', '{}', '{}']::jsonb[]);

select results_eq($$select msg_id from pgmq.read('no_limit', 0, null)$$, array[1::bigint, 2, 3], 'qty NULL means no limit');

select * from finish();
rollback;
