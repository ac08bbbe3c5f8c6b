-- Defect 13: only a started task can cause a type violation; completing a queued task with a
-- non-array output changes nothing (like any completion of a queued task).
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('tv_queued');
select pgflow.add_step('tv_queued', 'producer');
select pgflow.add_step('tv_queued', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('tv_queued', '{}'::jsonb) \gset

select pgflow.complete_task(:'run_id', 'producer', 0, '{"x": 1}'::jsonb);

select is((select status from pgflow.runs), 'started', 'the run is not failed');
select is(
  (select row(status, error_message, output)::text from pgflow.step_tasks),
  row('queued', null::text, null::jsonb)::text,
  'the queued task is untouched'
);
select is((select status from pgflow.step_states where step_slug = 'producer'), 'started', 'the step is untouched');
select is((select count(*)::int from pgmq.q_tv_queued), 1, 'its message stays in the queue');

select * from finish();
rollback;
