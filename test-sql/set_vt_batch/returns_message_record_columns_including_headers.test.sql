begin;
select plan(3);

select pgflow_tests.reset_db();
select pgmq.create('vt_queue');
select pgmq.send('vt_queue', '{"n": 1}'::jsonb, '{"h": "v"}'::jsonb) as msg_id \gset
select pgmq.read('vt_queue', 0, 1);

select is(
  (select array_agg(p order by o)
     from pg_proc, unnest(proargnames, proargmodes::text[]) with ordinality as a(p, m, o)
    where oid = 'pgflow.set_vt_batch(text, bigint[], integer[])'::regprocedure and m = 't'),
  array['msg_id', 'read_ct', 'enqueued_at', 'vt', 'message', 'headers'],
  'the result columns are msg_id, read_ct, enqueued_at, vt, message, headers'
);
select is(
  (select row(msg_id, read_ct, message, headers)::text
     from pgflow.set_vt_batch('vt_queue', array[:msg_id]::bigint[], array[5])),
  row(:msg_id::bigint, 1, '{"n": 1}'::jsonb, '{"h": "v"}'::jsonb)::text,
  'the returned row carries read_ct, message and headers'
);
select ok(
  (select enqueued_at <= clock_timestamp() from pgflow.set_vt_batch('vt_queue', array[:msg_id]::bigint[], array[5])),
  'and enqueued_at'
);

select * from finish();
rollback;
