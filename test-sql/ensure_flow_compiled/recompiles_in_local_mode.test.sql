begin;
select plan(4);
select pgflow_tests.reset_db();
select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);

select pgflow.create_flow('test_flow');
select pgflow.add_step('test_flow', 'old_step');
insert into pgflow.runs (run_id, flow_slug, input) values ('00000000-0000-0000-0000-000000000001', 'test_flow', '{}');
insert into pgflow.step_states (flow_slug, run_id, step_slug)
  values ('test_flow', '00000000-0000-0000-0000-000000000001', 'old_step');

select is(
  pgflow.ensure_flow_compiled('test_flow', '{"steps": [
    {"slug": "new_step", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
     "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}}]}'),
  '{"status": "recompiled", "differences": ["Step at index 0: slug differs ''new_step'' vs ''old_step''"]}'::jsonb,
  'local mode recompiles and returns the differences'
);
select results_eq(
  $$ select step_slug from pgflow.steps where flow_slug = 'test_flow' $$,
  $$ values ('new_step') $$,
  'the flow now has the new definition'
);
select is((select count(*)::int from pgflow.runs), 0, 'the old runs were deleted');
select ok(exists (select 1 from pgmq.list_queues() where queue_name = 'test_flow'), 'the queue was created again');

select * from finish();
rollback;
