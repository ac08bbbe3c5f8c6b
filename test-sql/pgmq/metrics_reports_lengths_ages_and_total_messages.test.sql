begin;
select plan(4);

select pgmq.create('metrics_queue');

select results_eq(
  $$select queue_name, queue_length, newest_msg_age_sec, oldest_msg_age_sec, total_messages, scrape_time = now(), queue_visible_length
    from pgmq.metrics('metrics_queue')$$,
  $$values ('metrics_queue', 0::bigint, null::int, null::int, 0::bigint, true, 0::bigint)$$,
  'an empty queue has NULL ages and no messages');

-- metrics counts visibility at now(), the transaction start, so these five are sent visible at now().
select pgmq.send_batch('metrics_queue', array['{}', '{}', '{}', '{}', '{}']::jsonb[], now());
select pgmq.send_batch('metrics_queue', array['{}', '{}']::jsonb[], 10);
select pgmq.archive('metrics_queue', 1);

select results_eq(
  $$select queue_name, queue_length, newest_msg_age_sec, oldest_msg_age_sec, total_messages, queue_visible_length
    from pgmq.metrics('metrics_queue')$$,
  $$values ('metrics_queue', 6::bigint, 0, 0, 7::bigint, 4::bigint)$$,
  'pgmq base test: 6 queued, 7 sent in total, 4 visible');

savepoint rolled_back_send;
select pgmq.send('metrics_queue', '{}');
rollback to savepoint rolled_back_send;
select pgmq.delete('metrics_queue', 2);

select results_eq($$select queue_length, total_messages from pgmq.metrics('metrics_queue')$$,
                  $$values (5::bigint, 8::bigint)$$, 'total_messages counts rolled-back and deleted messages');
select is(pg_typeof(pgmq.metrics('metrics_queue'))::text, 'pgmq.metrics_result', 'metrics returns pgmq.metrics_result');

select * from finish();
rollback;
