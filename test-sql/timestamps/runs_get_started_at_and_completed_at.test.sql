begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('one_step');
select pgflow.add_step('one_step', 'only');
select run_id from pgflow.start_flow('one_step', '{}'::jsonb) \gset

select ok(
  (select started_at = now() and completed_at is null and failed_at is null from pgflow.runs),
  'a started run has started_at only'
);

-- Move the start into the past so that completion is observably later.
update pgflow.runs set started_at = started_at - interval '1 minute';
select pgflow_tests.read_and_start('one_step', 5, 1);
select pgflow.complete_task(:'run_id', 'only', 0, '1'::jsonb);

select ok((select completed_at = now() from pgflow.runs), 'completion sets completed_at to now()');
select ok((select completed_at > started_at from pgflow.runs), 'completed_at is after started_at');
select ok((select failed_at is null from pgflow.runs), 'failed_at stays NULL');

select * from finish();
rollback;
