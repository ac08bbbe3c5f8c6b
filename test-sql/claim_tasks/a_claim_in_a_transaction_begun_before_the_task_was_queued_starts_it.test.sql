-- A claim's now() is when its transaction began, which can precede the transaction that queued the
-- task (a claim in a longer transaction, a worker's statement waiting on a lock). It must still
-- start the task (the whole claim batch used to fail on started_at_is_after_queued_at), and
-- started_at never precedes queued_at. Sessions through dblink (_setup/fixtures.sql, Part 3).
begin;
select plan(2);

select pgflow_tests.peer_connect('setup');
select pgflow_tests.peer_connect('claimer');
select pgflow_tests.peer_perform('setup', $$pgflow.delete_flow_and_data('h_claim_old')
                                           from pgflow.flows where flow_slug = 'h_claim_old'$$);
select pgflow_tests.peer_perform('setup', $$pgflow.create_flow('h_claim_old'), pgflow.add_step('h_claim_old', 'only'),
                                           pgflow_tests.ensure_worker('h_claim_old', '22222222-2222-2222-2222-222222222222')$$);

select dblink_exec('claimer', 'begin');                  -- the claimer's now() is fixed here
select pgflow_tests.peer_perform('setup', $$pgflow.start_flow('h_claim_old', '{}')$$); -- queued later, committed

select is(
  (select n from dblink('claimer', $$select count(*)::int from pgflow.claim_tasks('h_claim_old', 30, 10,
                                       '22222222-2222-2222-2222-222222222222')$$) as t(n int)),
  1, 'the claim starts the task');
select ok(
  (select ok from dblink('claimer', $$select bool_and(started_at >= queued_at) from pgflow.step_tasks
                                        where flow_slug = 'h_claim_old'$$) as t(ok boolean)),
  'started_at is not before queued_at');
select dblink_exec('claimer', 'commit');

select pgflow_tests.peer_perform('setup', $$pgflow.delete_flow_and_data('h_claim_old')$$);
select dblink_disconnect('claimer');
select dblink_disconnect('setup');

select * from finish();
rollback;
