begin;
select plan(2);

select pgflow_tests.reset_db();
select pgmq.create('MixedCase');
select pgmq.send('MixedCase', '{"n": 1}'::jsonb) as msg_id \gset

select is(
  (select count(*)::int from pgflow.set_vt_batch('MixedCase', array[:msg_id]::bigint[], array[30])),
  1,
  'a mixed-case queue name resolves to its lower-cased table'
);
select is(
  (select proconfig from pg_proc where oid = 'pgflow.set_vt_batch(text, bigint[], integer[])'::regprocedure),
  array['search_path=""'],
  'set_vt_batch pins search_path to empty'
);

select * from finish();
rollback;
