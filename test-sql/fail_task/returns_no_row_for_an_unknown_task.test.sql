begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select is(
  (select count(*)::int from pgflow.fail_task(:'run_id', 'first', 3, 'x')),
  0,
  'an unknown task_index gives no row'
);
select is(
  (select count(*)::int from pgflow.fail_task(gen_random_uuid(), 'first', 0, 'x')),
  0,
  'an unknown run gives no row'
);

select * from finish();
rollback;
