begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('scalars');
select pgflow.add_step('scalars', 'zero');
select pgflow.add_step('scalars', 'falsy');
select pgflow.add_step('scalars', 'empty_string');
select pgflow.add_step('scalars', 'nothing');
select run_id from pgflow.start_flow('scalars', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('scalars', 5, 10);

select pgflow.complete_task(:'run_id', 'zero', 0, '0'::jsonb);
select pgflow.complete_task(:'run_id', 'falsy', 0, 'false'::jsonb);
select pgflow.complete_task(:'run_id', 'empty_string', 0, '""'::jsonb);
select pgflow.complete_task(:'run_id', 'nothing', 0, null);

select is(
  (select array_agg(output order by step_slug) from pgflow.step_states where step_slug <> 'nothing'),
  array['""', 'false', '0']::jsonb[],
  'falsy outputs are stored as given'
);
select ok(
  (select status = 'completed' and output is null from pgflow.step_states where step_slug = 'nothing'),
  'a SQL NULL output leaves the completed step output NULL'
);
select is(
  (select output from pgflow.runs),
  '{"zero": 0, "falsy": false, "empty_string": "", "nothing": null}'::jsonb,
  'the run output holds every leaf, NULL as JSON null'
);
select is((select status from pgflow.runs), 'completed', 'the run completed');

select * from finish();
rollback;
