-- The push trigger runs at commit as the transaction's user. A role that started the run through
-- start_flow_with_states (SECURITY DEFINER) without any privilege on pgflow's tables must commit
-- as if nobody waited: the task stays queued for a claim, and the commit does not fail.
begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');
select pgflow.wait_for_task('11111111-1111-1111-1111-111111111111', 'sequential', 10000);

create role push_client nologin;
grant usage on schema pgflow to push_client;
grant execute on function pgflow.start_flow_with_states(text, jsonb, uuid) to push_client;

set local role push_client;
select lives_ok(
  $$ select pgflow.start_flow_with_states('sequential', '{}'::jsonb) $$,
  'the client role starts a run'
);
-- What COMMIT does first: run the deferred triggers, still as the client role.
select lives_ok($$ set constraints all immediate $$, 'the push trigger does not fail its commit');
reset role;

select is((select status from pgflow.step_tasks), 'queued', 'the task is left for a claim');

select * from finish();
rollback;
