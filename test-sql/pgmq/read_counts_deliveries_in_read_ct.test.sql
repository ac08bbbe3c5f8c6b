begin;
select plan(4);

select pgmq.create('read_count');
select pgmq.send('read_count', '{}');

select results_eq($$select read_ct from pgmq.read('read_count', 0, 1)$$, array[1], 'the first delivery has read_ct 1');
select results_eq($$select read_ct from pgmq.read('read_count', 0, 1)$$, array[2], 'each read adds one');
select results_eq($$select read_ct from pgmq.set_vt('read_count', 1, 0)$$, array[2], 'set_vt does not count');
select results_eq($$select read_ct from pgmq.pop('read_count')$$, array[2], 'pop returns read_ct as stored');

select * from finish();
rollback;
