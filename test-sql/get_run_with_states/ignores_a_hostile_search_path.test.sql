-- Defect 16: with search_path pinned, operators planted in the caller's search_path are not used.
begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

create schema h_rt1_hostile;
create function h_rt1_hostile.uuid_never_equal(uuid, uuid) returns boolean
  language sql immutable as $$ select false $$;
create operator h_rt1_hostile.= (leftarg = uuid, rightarg = uuid, function = h_rt1_hostile.uuid_never_equal);

set local search_path = h_rt1_hostile, pg_catalog, public;
select coalesce(pgflow.get_run_with_states(:'run_id') ? 'run', false) as has_run,
       coalesce(pgflow.start_flow_with_states('sequential', '{}'::jsonb) #>> '{run,status}', 'missing') as started_status \gset
reset search_path;

select is(:'has_run'::boolean, true, 'get_run_with_states finds the run despite a hostile = operator');
select is(:'started_status'::text, 'started', 'start_flow_with_states returns the new run despite it');

select * from finish();
rollback;
