begin;
select plan(3);
select pgflow_tests.reset_db();
select set_config('app.settings.jwt_secret', 'production-secret', true);

-- Defect 10: upstream never compared options. Drift is now reported, but options alone do not
-- make a mismatch in production: the first definition wins and operators tune with UPDATE.
select pgflow.create_flow('test_flow', max_attempts => 5);
select pgflow.add_step('test_flow', 'a', timeout => 30);
insert into pgflow.runs (flow_slug, input) values ('test_flow', '{}');

select is(
  pgflow.ensure_flow_compiled('test_flow', '{"options": {"baseDelay": 2}, "steps": [
    {"slug": "a", "stepType": "single", "dependencies": [], "whenUnmet": "skip", "whenExhausted": "fail",
     "requiredInputPattern": {"defined": false}, "forbiddenInputPattern": {"defined": false},
     "options": {"timeout": 10, "startDelay": 3}}]}'),
  '{"status": "verified", "differences": [
     "Step at index 0: option timeout differs ''10'' vs ''30''",
     "Step at index 0: option startDelay differs ''3'' vs ''''",
     "Flow option maxAttempts differs ''3'' vs ''5''",
     "Flow option baseDelay differs ''2'' vs ''5''"]}'::jsonb,
  'option drift is listed under verified (missing shape options mean the defaults / inherit)'
);
select results_eq(
  $$ select f.opt_max_attempts, f.opt_base_delay, s.opt_timeout, s.opt_start_delay
       from pgflow.flows as f join pgflow.steps as s using (flow_slug) $$,
  $$ values (5, 5, 30, null::int) $$,
  'the stored options are kept'
);
select is((select count(*)::int from pgflow.runs), 1, 'no data is lost');

select * from finish();
rollback;
