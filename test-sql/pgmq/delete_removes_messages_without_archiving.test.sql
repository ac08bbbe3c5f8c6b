begin;
select plan(7);

select pgmq.create('delete_queue');
select pgmq.send_batch('delete_queue', array['{}', '{}', '{}', '{}']::jsonb[]);

select is(pgmq.delete('delete_queue', 1), true, 'delete returns true');
select is(pgmq.delete('delete_queue', 1), false, 'deleting it again returns false');
select is(pgmq.delete('delete_queue', null::bigint), false, 'a NULL id returns false');
select results_eq($$select * from pgmq.delete('delete_queue', array[2, 3, 99]::bigint[])$$, array[2::bigint, 3],
                  'the array form returns the deleted ids and the output column is named delete');
select is_empty($$select * from pgmq.delete(queue_name => 'delete_queue', msg_ids => array[]::bigint[])$$,
                'an empty array deletes nothing');
select results_eq($$select msg_id from pgmq.q_delete_queue$$, array[4::bigint], 'only message 4 is left');
select is_empty($$select * from pgmq.a_delete_queue$$, 'nothing was archived');

select * from finish();
rollback;
