begin;
select plan(4);
select pgflow_tests.reset_db();

create temporary table shape as select '{"options": {"timeout": 15}, "steps": [
  {"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
   "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false},
   "options": {"maxAttempts": 9}}]}'::jsonb as value;

select pgflow.create_flow('local_flow');
select pgflow.add_step('local_flow', 'a');
select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);
select is(
  pgflow.ensure_flow_compiled('local_flow', (select value from shape)),
  '{"status": "recompiled", "differences": [
     "Step at index 0: option maxAttempts differs ''9'' vs ''''",
     "Flow option timeout differs ''15'' vs ''60''"]}'::jsonb,
  'in local mode option drift recompiles'
);
select results_eq(
  $$ select f.opt_timeout, s.opt_max_attempts from pgflow.flows as f join pgflow.steps as s using (flow_slug)
      where flow_slug = 'local_flow' $$,
  $$ values (15, 9) $$,
  'and the new options are stored'
);

select pgflow.create_flow('prod_flow');
select pgflow.add_step('prod_flow', 'a');
select set_config('app.settings.jwt_secret', 'production-secret', true);
select is(
  pgflow.ensure_flow_compiled('prod_flow', (select value from shape), allow_data_loss => true) ->> 'status',
  'recompiled',
  'with allow_data_loss option drift recompiles'
);
select is(
  pgflow.ensure_flow_compiled('prod_flow', (select value from shape)),
  '{"status": "verified", "differences": []}'::jsonb,
  'after which the shape verifies'
);

select * from finish();
rollback;
