begin;
select plan(1);

select pgflow_tests.reset_db();

select throws_ok(
  $$ select * from pgflow.set_vt_batch('no_such_queue', array[1]::bigint[], array[10]) $$,
  '42P01',
  'relation "pgmq.q_no_such_queue" does not exist',
  'an unknown queue raises undefined_table'
);

select * from finish();
rollback;
