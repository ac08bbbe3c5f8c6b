begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('skipping', max_attempts => 1);
select pgflow.add_step('skipping', 'cond', required_input_pattern => '{"go": true}'::jsonb);
select pgflow.add_step('skipping', 'flaky', when_exhausted => 'skip');
select run_id from pgflow.start_flow('skipping', '{"go": false}'::jsonb) \gset

select ok(
  (select skipped_at = now() and started_at is null and completed_at is null and failed_at is null
     from pgflow.step_states where step_slug = 'cond'),
  'a condition skip sets skipped_at only'
);

select pgflow_tests.read_and_start('skipping', 5, 1);
select pgflow.fail_task(:'run_id', 'flaky', 0, 'broken');
select ok(
  (select skipped_at = now() and skipped_at >= started_at and failed_at is null
     from pgflow.step_states where step_slug = 'flaky'),
  'a handler-failed skip sets skipped_at and keeps started_at'
);
select ok(
  (select completed_at = now() and failed_at is null from pgflow.runs),
  'the run completes'
);

select * from finish();
rollback;
