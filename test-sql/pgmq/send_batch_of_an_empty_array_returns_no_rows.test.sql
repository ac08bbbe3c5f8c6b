begin;
select plan(2);

select pgmq.create('empty_batch');

select is_empty($$select * from pgmq.send_batch('empty_batch', array[]::jsonb[])$$, 'no ids');
select is_empty($$select * from pgmq.q_empty_batch$$, 'no rows');

select * from finish();
rollback;
