begin;
select plan(8);

select throws_ok($$select pgmq.send('nope', '{}')$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'send');
select throws_ok($$select pgmq.send_batch('nope', array['{}']::jsonb[])$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'send_batch');
select throws_ok($$select pgmq.read('nope', 1, 1)$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'read');
select throws_ok($$select pgmq.pop('nope')$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'pop');
select throws_ok($$select pgmq.set_vt('nope', 1, 1)$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'set_vt');
select throws_ok($$select pgmq.archive('nope', 1)$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'archive');
select throws_ok($$select pgmq.delete('nope', 1)$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'delete');
select throws_ok($$select pgmq.metrics('nope')$$, '42P01', 'relation "pgmq.q_nope" does not exist', 'metrics');

select * from finish();
rollback;
