begin;
select plan(3);

select pgmq.create('null_delay');

select throws_ok($$select pgmq.send('null_delay', '{}', null::integer)$$, '23502', null, 'NULL integer delay');
select throws_ok($$select pgmq.send('null_delay', '{}', null::timestamptz)$$, '23502', null, 'NULL timestamptz delay');
select throws_ok($$select pgmq.send_batch('null_delay', array['{}']::jsonb[], null::integer)$$, '23502', null,
                 'NULL batch delay');

select * from finish();
rollback;
