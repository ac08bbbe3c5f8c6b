begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('empty');

create temp table started_run on commit drop as
  select * from pgflow.start_flow('empty', '{"x": 1}'::jsonb);

select is(
  (select row(status, remaining_steps)::text from started_run),
  row('completed', 0)::text,
  'the run completes inside start_flow'
);
-- defect 15
select is((select output from started_run), '{}'::jsonb, 'with an empty object as output');

select * from finish();
rollback;
