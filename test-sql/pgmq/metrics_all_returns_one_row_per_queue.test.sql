begin;
select plan(1);

select pgmq.drop_queue(queue_name) from pgmq.list_queues();  -- start without queues (rolled back at the end)

select pgmq.create('metrics_a');
select pgmq.create('Metrics-B');
select pgmq.send('Metrics-B', '{}');

select set_eq($$select queue_name, queue_length, total_messages from pgmq.metrics_all()$$,
              $$values ('metrics_a', 0::bigint, 0::bigint), ('Metrics-B', 1, 1)$$,
              'one metrics row per queue, named as created');

select * from finish();
rollback;
