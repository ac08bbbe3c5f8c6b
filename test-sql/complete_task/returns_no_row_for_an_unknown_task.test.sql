begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select is(
  (select count(*)::int from pgflow.complete_task(:'run_id', 'first', 7, '{}'::jsonb)),
  0,
  'an unknown task_index gives no row'
);
select is(
  (select count(*)::int from pgflow.complete_task(gen_random_uuid(), 'first', 0, '{}'::jsonb)),
  0,
  'an unknown run gives no row'
);

select * from finish();
rollback;
