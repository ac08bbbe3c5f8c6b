begin;
select plan(8);

select pgmq.create('archive_one');
select pgmq.send('archive_one', '0', '{"headers": 1}'::jsonb);
select pgmq.send('archive_one', '0');
select pgmq.send('archive_one', '{"hidden": true}', 60);
select pgmq.read('archive_one', 0, 1);

select is(pgmq.archive('archive_one', 1), true, 'archive returns true');
select is(pgmq.archive(queue_name => 'archive_one', msg_id => 3), true, 'an invisible message is archived too');
select results_eq($$select msg_id from pgmq.q_archive_one$$, array[2::bigint], 'the rows left the queue');
select results_eq(
  $$select msg_id, read_ct, enqueued_at = now(), archived_at = now(), message, headers from pgmq.a_archive_one order by msg_id$$,
  $$values (1::bigint, 1, true, true, '0'::jsonb, '{"headers": 1}'::jsonb), (3, 0, true, true, '{"hidden": true}', null)$$,
  'the archive keeps read_ct, enqueued_at, message and headers; archived_at is the transaction start');
select ok((select vt > clock_timestamp() + interval '50 seconds' from pgmq.a_archive_one where msg_id = 3), 'and vt');
select is(pgmq.archive('archive_one', 1), false, 'archiving it again returns false');
select is(pgmq.archive('archive_one', 999), false, 'an unknown id returns false');
select is(pgmq.archive('archive_one', null::bigint), false, 'a NULL id returns false');

select * from finish();
rollback;
