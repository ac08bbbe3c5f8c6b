begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', base_delay => 0);
select pgflow.add_step('f', 'a');
select pgflow.start_flow('f', '{}'::jsonb);
select count(*) from pgflow_tests.poll_and_fail('f');

select pgflow_tests.assert_retry_delay('f', 'a', 0, 'the retry is not delayed');
select is(
  (select count(*)::int from pgflow_tests.read_and_start('f')),
  1,
  'the retried task can be started at once'
);

select * from finish();
rollback;
