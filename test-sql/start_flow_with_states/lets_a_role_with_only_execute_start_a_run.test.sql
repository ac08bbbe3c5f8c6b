-- SECURITY DEFINER: a client role that may only execute the two functions (no table or queue
-- access) can start a run and read it back.
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

create role h_rt1_sfws_client nologin;
grant usage on schema pgflow to h_rt1_sfws_client;
grant execute on function pgflow.start_flow_with_states(text, jsonb, uuid) to h_rt1_sfws_client;
grant execute on function pgflow.get_run_with_states(uuid) to h_rt1_sfws_client;

select is(has_table_privilege('h_rt1_sfws_client', 'pgflow.runs', 'select'), false,
  'the role cannot read the runs table');

set local role h_rt1_sfws_client;
select pgflow.start_flow_with_states('sequential', '{}'::jsonb, '66666666-6666-6666-6666-666666666666'::uuid)
         #>> '{run,status}' as client_status \gset
select pgflow.get_run_with_states('66666666-6666-6666-6666-666666666666'::uuid)
         #>> '{run,flow_slug}' as client_flow \gset
reset role;

select is(:'client_status'::text, 'started', 'it can start a run through start_flow_with_states');
select is(:'client_flow'::text, 'sequential', 'and read it through get_run_with_states');
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = '66666666-6666-6666-6666-666666666666'),
  1,
  'the root task was created on its behalf'
);

select * from finish();
rollback;
