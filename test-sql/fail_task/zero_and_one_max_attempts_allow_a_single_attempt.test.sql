begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('zero', max_attempts => 0);
select pgflow.add_step('zero', 'a');
select pgflow.create_flow('one', max_attempts => 1);
select pgflow.add_step('one', 'a');
select run_id as zero_run from pgflow.start_flow('zero', '{}'::jsonb) \gset
select run_id as one_run from pgflow.start_flow('one', '{}'::jsonb) \gset

select is(
  (select row(status, attempts_count)::text from pgflow_tests.poll_and_fail('zero')),
  row('failed', 1)::text,
  'max_attempts 0 fails after the first attempt'
);
select is(
  (select row(status, attempts_count)::text from pgflow_tests.poll_and_fail('one')),
  row('failed', 1)::text,
  'max_attempts 1 fails after the first attempt'
);

select * from finish();
rollback;
