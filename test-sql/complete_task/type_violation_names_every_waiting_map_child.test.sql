begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm1', array['a'], step_type => 'map');
select pgflow.add_step('f', 'other', array['a']);
select pgflow.add_step('f', 'm2', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '5'::jsonb);

-- defect 13: upstream names only the first offending map (LIMIT 1); we name all of them
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  '[TYPE_VIOLATION] Map steps m1, m2 expect array input but dependency a produced number',
  'every waiting map child is named, in step order'
);
select is(
  (select error_message from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'a'),
  '[TYPE_VIOLATION] Produced number instead of array',
  'the task message names the produced type'
);
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states
    where run_id = :'run_id' and step_slug in ('m1', 'm2', 'other')),
  array['created', 'created', 'created'],
  'no child was started'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'the run failed');

select * from finish();
rollback;
