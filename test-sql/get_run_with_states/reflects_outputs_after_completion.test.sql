begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('one_step');
select pgflow.add_step('one_step', 'only');
select run_id from pgflow.start_flow('one_step', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('one_step', 5, 1);
select pgflow.complete_task(:'run_id', 'only', 0, '{"result": 42}'::jsonb);

select is(pgflow.get_run_with_states(:'run_id') #>> '{run,status}', 'completed', 'the run is completed');
select is(pgflow.get_run_with_states(:'run_id') #> '{run,output}', '{"only": {"result": 42}}'::jsonb,
  'the run output is visible');
select is(pgflow.get_run_with_states(:'run_id') #> '{steps,0,output}', '{"result": 42}'::jsonb,
  'the step output is visible');

select * from finish();
rollback;
