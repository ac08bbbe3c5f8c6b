-- pgflow zips send_batch(...) WITH ORDINALITY with its task indexes, so the order is a contract.
begin;
select plan(5);

select pgmq.create('batch_order');
select pgmq.send('batch_order', '{"warm": "up"}');  -- ids of the batch then start at 2

create temporary table sent as
select b.msg_id, b.ord
from pgmq.send_batch('batch_order', array(select jsonb_build_object('i', i) from generate_series(1, 2000) i order by i))
  with ordinality as b(msg_id, ord);

select is((select count(*)::int from sent), 2000, 'one id per message');
select is((select count(*)::int from sent where msg_id = ord + 1), 2000, 'ids are returned in input order');
select is((select count(*)::int from sent s join pgmq.q_batch_order q using (msg_id)
           where (q.message ->> 'i')::bigint = s.ord), 2000, 'each id belongs to the message at its position');

select results_eq(
  $$select b.msg_id, b.ord from pgmq.send_batch('batch_order',
      array['{"i": "a"}', '{"i": "b"}', '{"i": "c"}']::jsonb[], array['{"h": 1}', '{"h": 2}', '{"h": 3}']::jsonb[], 0)
      with ordinality as b(msg_id, ord)$$,
  $$values (2002::bigint, 1::bigint), (2003, 2), (2004, 3)$$,
  'the headers + delay form keeps the order too');
select results_eq(
  $$select message ->> 'i', headers ->> 'h' from pgmq.q_batch_order where msg_id > 2001 order by msg_id$$,
  $$values ('a', '1'), ('b', '2'), ('c', '3')$$,
  'headers pair with their messages');

select * from finish();
rollback;
