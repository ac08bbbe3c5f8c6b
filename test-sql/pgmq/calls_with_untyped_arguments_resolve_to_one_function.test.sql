-- postgres.js sends JS values as type unknown and callers use named notation. A second overload
-- (timestamptz read_with_poll, pop with qty, ...) would make these calls fail with "function ... is
-- not unique". (The notify API of our layer: notify_insert_calls_with_untyped_arguments_resolve_to_one_function.)
begin;
select plan(8);

select pgmq.create('untyped');

prepare read_with_poll_untyped as
  select * from pgmq.read_with_poll(queue_name => $1, vt => $2, qty => $3, max_poll_seconds => $4, poll_interval_ms => $5);
prepare send_untyped as select pgmq.send(queue_name => $1, msg => $2::jsonb);
prepare archive_untyped as select pgmq.archive(queue_name => $1, msg_id => $2::bigint);
prepare archive_batch_untyped as select pgmq.archive(queue_name => $1, msg_ids => $2::bigint[]);
prepare read_untyped as select * from pgmq.read($1, $2, $3);

select results_eq($$execute send_untyped('untyped', '{"n": 1}')$$, array[1::bigint], 'send with named untyped arguments');
select results_eq($$select msg_id from pgmq.send('untyped', '{"n": 2}') as s(msg_id)$$, array[2::bigint],
                  'send with unknown literals picks the 2-argument form');
select lives_ok($$execute read_untyped('untyped', 0, 1)$$, 'read(q, vt, qty) with untyped arguments');
select results_eq($$select msg_id, read_ct from pgmq.read_with_poll('untyped', 0, 10, 1, 10) order by msg_id$$,
                  $$values (1::bigint, 2), (2, 1)$$, 'read_with_poll with unknown literals (message 1 was read before)');
select lives_ok($$execute read_with_poll_untyped('untyped', '1', '10', '1', '10')$$, 'read_with_poll with named untyped arguments');
select results_eq($$execute archive_untyped('untyped', '1')$$, array[true], 'archive(msg_id => ...)');
select results_eq($$execute archive_batch_untyped('untyped', '{2}')$$, array[2::bigint], 'archive(msg_ids => ...)');
select lives_ok($$select pgmq.pop('untyped'), pgmq.drop_queue('untyped')$$, 'pop and drop_queue with one argument');

select * from finish();
rollback;
