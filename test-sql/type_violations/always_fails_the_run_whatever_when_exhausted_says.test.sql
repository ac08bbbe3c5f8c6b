begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('tv_hard');
select pgflow.add_step('tv_hard', 'producer', when_exhausted => 'skip', max_attempts => 5);
select pgflow.add_step('tv_hard', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('tv_hard', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('tv_hard', 5, 1);

select pgflow.complete_task(:'run_id', 'producer', 0, '{"x": 1}'::jsonb);

select is((select status from pgflow.step_tasks), 'failed', 'the task fails without a retry');
select is((select status from pgflow.step_states where step_slug = 'producer'), 'failed',
  'the step fails instead of being skipped');
select is((select status from pgflow.runs), 'failed', 'the run fails');

select * from finish();
rollback;
