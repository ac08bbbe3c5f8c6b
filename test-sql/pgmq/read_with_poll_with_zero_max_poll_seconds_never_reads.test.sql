-- pgmq quirk kept on purpose: the deadline is tested before the first read.
begin;
select plan(2);

select pgmq.create('poll_zero');
select pgmq.send('poll_zero', '{}');

select is_empty($$select * from pgmq.read_with_poll('poll_zero', 10, 5, 0)$$, 'nothing is returned');
select results_eq($$select read_ct from pgmq.q_poll_zero$$, array[0], 'nothing was read');

select * from finish();
rollback;
