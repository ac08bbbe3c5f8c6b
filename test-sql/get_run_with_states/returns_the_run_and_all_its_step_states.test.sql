begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"test": "input"}'::jsonb) \gset

create temp table res on commit drop as select pgflow.get_run_with_states(:'run_id') as j;

select is(
  (select array_agg(k order by k) from res, jsonb_object_keys(j) as k),
  array['run', 'steps'],
  'the result has exactly the keys run and steps'
);
select is((select j -> 'run' from res), (select to_jsonb(r) from pgflow.runs r where run_id = :'run_id'),
  'run is the runs row as JSON');
select is((select jsonb_array_length(j -> 'steps') from res), 3, 'steps has one entry per step');
select is(
  (select array_agg(s order by s->>'step_slug') from res, jsonb_array_elements(j -> 'steps') as s),
  (select array_agg(to_jsonb(ss) order by step_slug) from pgflow.step_states ss where run_id = :'run_id'),
  'each step entry is the step_states row as JSON'
);
select is(
  (select j #>> '{run,status}' from res),
  'started',
  'the run status is visible'
);

select * from finish();
rollback;
