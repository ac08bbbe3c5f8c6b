begin;
select plan(3);
select pgflow_tests.reset_db();

select is(
  pgflow.ensure_flow_compiled('new_flow', '{"options": {"timeout": 20}, "steps": [
    {"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
     "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false}}]}'),
  '{"status": "compiled", "differences": []}'::jsonb,
  'a missing flow is compiled'
);
select results_eq(
  $$ select f.flow_slug, f.opt_timeout, s.step_slug from pgflow.flows as f join pgflow.steps as s using (flow_slug) $$,
  $$ values ('new_flow', 20, 'a') $$,
  'the flow and its steps exist, with the shape options'
);
select ok(exists (select 1 from pgmq.list_queues() where queue_name = 'new_flow'), 'its queue exists');

select * from finish();
rollback;
