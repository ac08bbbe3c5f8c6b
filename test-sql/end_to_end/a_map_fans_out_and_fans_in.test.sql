begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'items', step_type => 'map');
select pgflow.add_step('f', 'double', array['items'], step_type => 'map');
select pgflow.add_step('f', 'total', array['double']);
select run_id from pgflow.start_flow('f', '[1, 2, 3]'::jsonb) \gset

create temp table w1 on commit drop as select * from pgflow_tests.read_and_start('f', 5, 10);
select is(
  (select array_agg(input order by task_index) from w1),
  array['1'::jsonb, '2'::jsonb, '3'::jsonb],
  'the root map tasks get the input elements'
);
select count(*) from w1, lateral pgflow.complete_task(w1.run_id, w1.step_slug, w1.task_index, w1.input);

create temp table w2 on commit drop as select * from pgflow_tests.read_and_start('f', 5, 10);
select is(
  (select array_agg(input order by task_index) from w2 where step_slug = 'double'),
  array['1'::jsonb, '2'::jsonb, '3'::jsonb],
  'the dependent map tasks get the parent output elements'
);
-- complete out of order
select count(*) from (select * from w2 order by task_index desc) as w,
  lateral pgflow.complete_task(w.run_id, w.step_slug, w.task_index, to_jsonb((w.input)::text::int * 2));

create temp table w3 on commit drop as select * from pgflow_tests.read_and_start('f', 5, 10);
select is((select input from w3), '{"double": [2, 4, 6]}'::jsonb, 'the single step gets the aggregated array');
select count(*) from pgflow.complete_task(:'run_id', 'total', 0, '12'::jsonb);

select is(
  (select row(status, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', '{"total": 12}'::jsonb)::text,
  'the run completed'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and status = 'completed'),
  7,
  'seven tasks completed'
);

select * from finish();
rollback;
