begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('j');
select pgflow.add_step('j', 'only');
select run_id from pgflow.start_flow('j', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('j', 30, 1);

select is(
  (select array_agg(c.output order by c.output) from pgflow.complete_tasks(
     array[:'run_id', :'run_id']::uuid[], array['only', 'only'], array[0, 0], array['"first"'::jsonb, '"second"'::jsonb]) as c),
  array['"first"'::jsonb, '"first"'::jsonb],
  'both entries return the row, holding the first output'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid, 'only'), 1, 'the step completes once');
select is((select remaining_steps from pgflow.runs where run_id = :'run_id'), 0, 'and is counted once');

select * from finish();
rollback;
