begin;
select plan(4);

select pgflow_tests.reset_db();
select pgmq.create('vt_queue');
select pgmq.send('vt_queue', '{"n": 1}'::jsonb);
select pgmq.send('vt_queue', '{"n": 2}'::jsonb);
select pgmq.send('vt_queue', '{"n": 3}'::jsonb);
select array_agg(msg_id order by msg_id) as ids from pgmq.q_vt_queue \gset

create temp table updated on commit drop as
  select * from pgflow.set_vt_batch('vt_queue', :'ids'::bigint[], array[10, 20, 30]);

select is((select count(*)::int from updated), 3, 'every message is returned');
select ok(
  (select bool_and(abs(extract(epoch from q.vt - clock_timestamp()) - (q.message ->> 'n')::int * 10) < 2)
     from pgmq.q_vt_queue q),
  'each message gets its own offset (10, 20, 30 s from now)'
);
select is(
  (select array_agg(u.vt order by u.msg_id) from updated u),
  (select array_agg(q.vt order by q.msg_id) from pgmq.q_vt_queue q),
  'the returned vt is the stored one'
);

select pgflow.set_vt_batch('vt_queue', :'ids'::bigint[], array[0, 0, 0]);
select is(
  (select count(*)::int from pgmq.read('vt_queue', 30, 10)),
  3,
  'offsets of 0 make the messages visible at once'
);

select * from finish();
rollback;
