begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 3);
select pgflow.add_step('f', 'once', max_attempts => 1);
select pgflow.add_step('f', 'often', max_attempts => 5);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 10);

select is(
  (select status from pgflow.fail_task(:'run_id', 'often', 0, 'x')),
  'queued',
  'a step with 5 attempts retries'
);
update pgflow.step_tasks set status = 'started', attempts_count = 4, started_at = now()
 where run_id = :'run_id' and step_slug = 'often';
select is(
  (select status from pgflow.fail_task(:'run_id', 'often', 0, 'x')),
  'queued',
  'it still retries after 4 attempts'
);
select is(
  (select status from pgflow.fail_task(:'run_id', 'once', 0, 'x')),
  'failed',
  'a step with 1 attempt fails at once although the flow allows 3'
);
select is((select status from pgflow.runs where run_id = :'run_id'), 'failed', 'and fails the run');

select * from finish();
rollback;
