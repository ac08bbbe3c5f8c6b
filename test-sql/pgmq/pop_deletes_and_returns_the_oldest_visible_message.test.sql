begin;
select plan(6);

select pgmq.create('pop_queue');

select is_empty($$select * from pgmq.pop('pop_queue')$$, 'an empty queue pops nothing');
select pgmq.send('pop_queue', '{"n": 1}', 60);
select pgmq.send('pop_queue', '{"n": 2}', '{"h": 2}'::jsonb);
select pgmq.send('pop_queue', '{"n": 3}');

create temporary table stored as select * from pgmq.q_pop_queue where msg_id = 2;
create temporary table popped as select * from pgmq.pop('pop_queue');

select results_eq($$select * from popped$$, $$select * from stored$$,
                  'the oldest visible message is returned exactly as stored');
select is((select read_ct from popped), 0, 'read_ct is not incremented');
select results_eq($$select msg_id from pgmq.q_pop_queue order by msg_id$$, array[1::bigint, 3], 'it is deleted');
select is_empty($$select * from pgmq.a_pop_queue$$, 'and not archived');
select results_eq($$select msg_id from pgmq.pop('pop_queue')$$, array[3::bigint], 'the next pop takes the next one');

select * from finish();
rollback;
