begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('no_steps');
select run_id from pgflow.start_flow('no_steps', '{}'::jsonb) \gset

select is(pgflow.get_run_with_states(:'run_id') -> 'steps', '[]'::jsonb, 'steps is [] (not null)');
select is(pgflow.get_run_with_states(:'run_id') #>> '{run,status}', 'completed', 'the run is shown completed');

select * from finish();
rollback;
