begin;
select plan(5);

select pgmq.create('purge_me');
select pgmq.send_batch('purge_me', array['{"n": 1}', '{"n": 2}', '{"n": 3}', '{"n": 4}', '{"n": 5}']::jsonb[]);
select pgmq.archive('purge_me', 1);

select is(pgmq.purge_queue('purge_me'), 4::bigint, 'purge_queue returns the number of live messages');
select is_empty($$select * from pgmq.q_purge_me$$, 'the queue is empty');
select results_eq($$select msg_id from pgmq.a_purge_me$$, array[1::bigint], 'the archive is untouched');
select results_eq($$select * from pgmq.send('purge_me', '{}')$$, array[6::bigint], 'msg ids are not reset');
select throws_ok($$select pgmq.purge_queue('no_such_queue')$$, '42P01', 'relation "pgmq.q_no_such_queue" does not exist',
                 'purging a missing queue fails');

select * from finish();
rollback;
