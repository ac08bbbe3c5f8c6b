begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow.create_flow('guarded');
select pgflow.add_step('guarded', 'other');
select pgflow.add_step('guarded', 'checked', required_input_pattern => '{"ok": true}'::jsonb, when_unmet => 'fail');

create temp table r on commit drop as select * from pgflow.start_flow('guarded', '{"ok": false}'::jsonb);

select is((select status from r), 'failed', 'start_flow returns the failed run');
select ok((select failed_at = now() and completed_at is null from r), 'failed_at is set');
select is(
  (select row(status, error_message)::text from pgflow.step_states where step_slug = 'checked'),
  row('failed', 'Condition not met')::text,
  'the step fails with Condition not met'
);
select is((select status from pgflow.step_states where step_slug = 'other'), 'created', 'no other step is started');
select is((select count(*)::int from pgflow.step_tasks), 0, 'no task is created');

select * from finish();
rollback;
