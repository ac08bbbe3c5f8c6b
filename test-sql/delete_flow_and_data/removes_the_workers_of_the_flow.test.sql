begin;
select plan(3);
select pgflow_tests.reset_db();

-- Defect 19: upstream left the flow's workers rows (queue_name = flow slug) behind.
select pgflow.create_flow('doomed');
select pgflow.add_step('doomed', 'a');
select pgflow.create_flow('kept');
insert into pgflow.workers (worker_id, queue_name, function_name) values
  ('00000000-0000-0000-0000-00000000000a', 'doomed', 'doomed_worker'),
  ('00000000-0000-0000-0000-00000000000b', 'kept', 'kept_worker');
insert into pgflow.runs (run_id, flow_slug, input) values ('00000000-0000-0000-0000-0000000000d1', 'doomed', '{}');
insert into pgflow.step_states (flow_slug, run_id, step_slug)
  values ('doomed', '00000000-0000-0000-0000-0000000000d1', 'a');
insert into pgflow.step_tasks (flow_slug, run_id, step_slug, status, started_at, attempts_count, last_worker_id)
  values ('doomed', '00000000-0000-0000-0000-0000000000d1', 'a', 'started', now(), 1,
          '00000000-0000-0000-0000-00000000000a');

select lives_ok(
  $$ select pgflow.delete_flow_and_data('doomed') $$,
  'a flow whose tasks reference its workers can be deleted'
);
select results_eq(
  $$ select worker_id from pgflow.workers $$,
  $$ values ('00000000-0000-0000-0000-00000000000b'::uuid) $$,
  'only the workers of the deleted flow are removed'
);
select is((select count(*)::int from pgflow.step_tasks), 0, 'and its tasks');

select * from finish();
rollback;
