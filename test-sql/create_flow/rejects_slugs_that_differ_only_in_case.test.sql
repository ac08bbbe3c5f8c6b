begin;
select plan(6);
select pgflow_tests.reset_db();

-- Defect 21: pgmq lower-cases table names, so Foo and foo would share pgmq.q_foo.
select pgflow.create_flow('myFlow');

select throws_ok(
  $$ select pgflow.create_flow('myflow') $$,
  '42710',
  'Flow slug "myflow" differs only in letter case from the existing flow "myFlow": pgmq lower-cases '
  'queue table names, so both would share pgmq.q_myflow. Use "myFlow" or choose a different slug.',
  'a case-insensitive duplicate of a flow is rejected'
);
select throws_ok(
  $$ select pgflow.create_flow('MYFLOW') $$,
  '42710',
  'Flow slug "MYFLOW" differs only in letter case from the existing flow "myFlow": pgmq lower-cases '
  'queue table names, so both would share pgmq.q_myflow. Use "myFlow" or choose a different slug.',
  'any other letter case is rejected too'
);
select lives_ok($$ select pgflow.create_flow('myFlow') $$, 'the exact slug can still be re-defined');

select pgmq.create('JobQueue');
select throws_ok(
  $$ select pgflow.create_flow('jobqueue') $$,
  '42710',
  'Flow slug "jobqueue" differs only in letter case from the existing pgmq queue "JobQueue": pgmq lower-cases '
  'queue table names, so both would share pgmq.q_jobqueue. Choose a different slug.',
  'a case-insensitive duplicate of a plain pgmq queue is rejected'
);

select results_eq(
  $$ select flow_slug from pgflow.flows order by flow_slug $$,
  $$ values ('myFlow'::text) $$,
  'only the first flow exists'
);
select results_eq(
  $$ select queue_name::text from pgmq.list_queues() order by queue_name collate "C" $$,
  $$ values ('JobQueue'::text), ('myFlow'::text) $$,
  'no queue was added'
);

select * from finish();
rollback;
