begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('any_input');
select pgflow.add_step('any_input', 'a');
select pgflow.add_step('any_input', 'm', array['a'], step_type => 'map');

select is((select status from pgflow.start_flow('any_input', 'null'::jsonb)), 'started', 'JSON null input is accepted');
select is((select status from pgflow.start_flow('any_input', '"text"'::jsonb)), 'started', 'string input is accepted');
select is((select status from pgflow.start_flow('any_input', '[1, 2]'::jsonb)), 'started', 'array input is accepted');
select is(
  (select array_agg(input order by input::text) from pgflow.runs),
  array['"text"'::jsonb, '[1, 2]'::jsonb, 'null'::jsonb],
  'inputs are stored as given (a dependent map does not validate the run input)'
);

select * from finish();
rollback;
