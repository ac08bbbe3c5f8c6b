begin;
select plan(2);

select pgflow_tests.reset_db();
select pgmq.create('vt_queue');

select throws_ok(
  $$ select * from pgflow.set_vt_batch('vt_queue', array[1, 2]::bigint[], array[10]) $$,
  'P0001',
  'msg_ids length (2) must equal vt_offsets length (1)',
  'two ids and one offset raise'
);
select throws_ok(
  $$ select * from pgflow.set_vt_batch('vt_queue', array[1]::bigint[], array[10, 20, 30]) $$,
  'P0001',
  'msg_ids length (1) must equal vt_offsets length (3)',
  'one id and three offsets raise'
);

select * from finish();
rollback;
