begin;
select plan(3);
select pgflow_tests.reset_db();

select pgflow._create_flow_from_shape('tuned', '{
  "options": {"maxAttempts": 7, "baseDelay": 2, "timeout": 45},
  "steps": [
    {"slug": "a", "stepType": "single", "dependencies": [],
     "options": {"maxAttempts": 5, "baseDelay": 3, "timeout": 30, "startDelay": 10}},
    {"slug": "b", "stepType": "single", "dependencies": ["a"], "options": {"timeout": 9}}
  ]}');
select pgflow._create_flow_from_shape('plain', '{"steps": [{"slug": "a"}]}');

select results_eq(
  $$ select flow_slug, opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows order by flow_slug $$,
  $$ values ('plain', 3, 5, 60), ('tuned', 7, 2, 45) $$,
  'flow options are applied; missing ones take create_flow defaults'
);
select results_eq(
  $$ select step_slug, opt_max_attempts, opt_base_delay, opt_timeout, opt_start_delay
       from pgflow.steps where flow_slug = 'tuned' order by step_index $$,
  $$ values ('a', 5, 3, 30, 10), ('b', null, null, 9, null) $$,
  'step options are applied; missing ones stay NULL'
);
select ok(exists (select 1 from pgmq.list_queues() where queue_name = 'tuned'), 'the flow queue is created');

select * from finish();
rollback;
