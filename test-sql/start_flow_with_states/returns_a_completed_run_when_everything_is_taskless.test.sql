begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('taskless');
select pgflow.add_step('taskless', 'm', step_type => 'map');

create temp table res on commit drop as select pgflow.start_flow_with_states('taskless', '[]'::jsonb) as j;

select is((select j #>> '{run,status}' from res), 'completed', 'the returned run is already completed');
select is((select j #> '{steps,0,output}' from res), '[]'::jsonb, 'the taskless map shows output []');

select * from finish();
rollback;
