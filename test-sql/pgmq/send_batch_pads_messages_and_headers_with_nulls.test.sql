-- pgmq 1.5 behaviour (1.11 rejects arrays of different lengths instead).
begin;
select plan(2);

select pgmq.create('uneven');

select results_eq(
  $$select * from pgmq.send_batch('uneven', array['{"m": 1}', '{"m": 2}']::jsonb[], array['{"h": 1}', '{"h": 2}', '{"h": 3}']::jsonb[])$$,
  array[1::bigint, 2, 3], 'more headers than messages insert one row per header');
select pgmq.send_batch('uneven', array['{"m": 4}', '{"m": 5}']::jsonb[], array['{"h": 4}']::jsonb[]);
select results_eq(
  $$select msg_id, message, headers from pgmq.q_uneven order by msg_id$$,
  $$values (1::bigint, '{"m": 1}'::jsonb, '{"h": 1}'::jsonb), (2, '{"m": 2}', '{"h": 2}'), (3, null, '{"h": 3}'),
           (4, '{"m": 4}', '{"h": 4}'), (5, '{"m": 5}', null)$$,
  'extra headers get NULL messages and missing headers are NULL');

select * from finish();
rollback;
