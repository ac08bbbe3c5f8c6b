begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots');

create temp table res on commit drop as
  select pgflow.start_flow_with_states('two_roots', '{"x": 1}'::jsonb) as j;

select is((select count(*)::int from pgflow.runs), 1, 'a run is started');
select is(
  (select j from res),
  pgflow.get_run_with_states((select run_id from pgflow.runs)),
  'the result equals get_run_with_states for the new run'
);
select is(
  (select array_agg(s ->> 'step_slug' order by s ->> 'step_slug')
     from res, jsonb_array_elements(j -> 'steps') as s where s ->> 'status' = 'started'),
  array['root_a', 'root_b'],
  'the root steps are returned started'
);
select is((select j #> '{run,input}' from res), '{"x": 1}'::jsonb, 'the run input is returned');

select * from finish();
rollback;
