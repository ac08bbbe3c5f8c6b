begin;
select plan(5);

select pgflow_tests.reset_db();
select pgmq.create('vt_queue');
select pgmq.send('vt_queue', '{"n": 1}'::jsonb) as msg_id \gset

select is((select count(*)::int from pgflow.set_vt_batch('vt_queue', '{}'::bigint[], '{}'::int[])), 0,
  'empty arrays return nothing');
select is((select count(*)::int from pgflow.set_vt_batch('vt_queue', null, array[1])), 0,
  'NULL msg_ids return nothing');
select is((select count(*)::int from pgflow.set_vt_batch('vt_queue', array[1]::bigint[], null)), 0,
  'NULL offsets return nothing');
select is(
  (select count(*)::int from pgflow.set_vt_batch('vt_queue', array[:msg_id, 999999]::bigint[], array[10, 10])),
  1,
  'unknown ids are skipped'
);
select is(
  (select count(*)::int from pgflow.set_vt_batch('vt_queue', array[999999]::bigint[], array[10])),
  0,
  'only unknown ids return nothing'
);

select * from finish();
rollback;
