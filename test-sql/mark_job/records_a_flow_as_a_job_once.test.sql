begin;
select plan(4);
select pgflow_tests.reset_db();

select pgflow.create_flow('send_email');
select pgflow.add_step('send_email', 'job');

select lives_ok($$ select pgflow.mark_job('send_email') $$, 'marks an existing flow as a job');
select lives_ok($$ select pgflow.mark_job('send_email') $$, 'marking again is a no-op');
select results_eq(
  $$ select flow_slug from pgflow.jobs $$,
  $$ values ('send_email') $$,
  'the flow is recorded once in pgflow.jobs'
);
select throws_ok(
  $$ select pgflow.mark_job('no_such_flow') $$,
  'P0001',
  'Cannot mark "no_such_flow" as a job: no such flow. Create it first (pgflow.create_flow / add_step).',
  'an unknown flow is an error that names the fix'
);

select * from finish();
rollback;
