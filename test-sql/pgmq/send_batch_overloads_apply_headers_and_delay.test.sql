begin;
select plan(7);

select pgmq.create('batch_forms');

select results_eq(
  $$select array_agg(b) from pgmq.send_batch('batch_forms', array['{"hello": "world_0"}', '{"hello": "world_1"}']::jsonb[],
                                             array['{"header": 1}', '{"header": 2}']::jsonb[]) b$$,
  $$values (array[1::bigint, 2])$$, 'send_batch(q, msgs, headers) returns 1 and 2');
select results_eq(
  $$select msg_id, message, headers from pgmq.read('batch_forms', 0, 2)$$,
  $$values (1::bigint, '{"hello": "world_0"}'::jsonb, '{"header": 1}'::jsonb), (2, '{"hello": "world_1"}', '{"header": 2}')$$,
  'read returns them in order with their headers');

select results_eq(
  $$select array_agg(b) from pgmq.send_batch('batch_forms', array['{"n": 3}', '{"n": 4}']::jsonb[], clock_timestamp() + interval '5 seconds') b$$,
  $$values (array[3::bigint, 4])$$, 'send_batch(q, msgs, delay timestamptz)');
select pgmq.send_batch('batch_forms', array['{"n": 5}']::jsonb[], 30);
select pgmq.send_batch('batch_forms', array['{"n": 6}']::jsonb[], array['{"h": 6}']::jsonb[], 30);
select pgmq.send_batch('batch_forms', array['{"n": 7}']::jsonb[]);

select ok((select bool_and(vt > clock_timestamp() + interval '4 seconds') from pgmq.q_batch_forms where msg_id in (3, 4)),
          'the timestamptz delay hides the messages');
select results_eq(
  $$select msg_id, headers, vt > clock_timestamp() + interval '29 seconds' from pgmq.q_batch_forms where msg_id in (5, 6, 7) order by msg_id$$,
  $$values (5::bigint, null::jsonb, true), (6, '{"h": 6}', true), (7, null, false)$$,
  'integer delays, headers with delay, and the plain form');
select results_eq($$select msg_id from pgmq.read('batch_forms', 30, 10)$$, array[1::bigint, 2, 7],
                  'only the undelayed messages are visible');
select results_eq($$select send_batch from pgmq.send_batch(queue_name => 'batch_forms', msgs => array['{}']::jsonb[])$$,
                  array[8::bigint], 'named notation works and the output column is named send_batch');

select * from finish();
rollback;
