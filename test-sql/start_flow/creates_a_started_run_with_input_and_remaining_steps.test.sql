begin;
select plan(7);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

create temp table r on commit drop as
  select * from pgflow.start_flow('sequential', '{"test": "input"}'::jsonb);

select is((select count(*)::int from r), 1, 'start_flow returns exactly one row');
select is((select count(*)::int from pgflow.runs), 1, 'one run is created');
select is(
  (select row(flow_slug, status, input, remaining_steps)::text from pgflow.runs),
  row('sequential', 'started', '{"test": "input"}'::jsonb, 3)::text,
  'the run is started, keeps the input and counts every step as remaining'
);
select is(
  (select row(run_id, status, remaining_steps)::text from r),
  (select row(run_id, status, remaining_steps)::text from pgflow.runs),
  'the returned row is the stored run'
);
select ok((select output is null and completed_at is null and failed_at is null from pgflow.runs),
  'a started run has no output, completed_at or failed_at');
select is((select started_at from pgflow.runs), now(), 'started_at is the transaction timestamp');
select ok((select run_id is not null from r), 'a run_id is generated');

select * from finish();
rollback;
