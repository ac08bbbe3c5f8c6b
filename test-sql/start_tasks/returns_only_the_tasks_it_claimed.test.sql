-- Defect 3: records come from the status-guarded UPDATE, so a task claimed by an earlier call
-- (or a concurrent one) is never returned twice.
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('claims');
select pgflow.add_step('claims', 'm', step_type => 'map');
select run_id from pgflow.start_flow('claims', '[1, 2, 3]'::jsonb) \gset
select pgflow_tests.ensure_worker('claims', '11111111-1111-1111-1111-111111111111'::uuid);
select pgflow_tests.ensure_worker('claims', '22222222-2222-2222-2222-222222222222'::uuid);

select array_agg(message_id order by task_index) as all_ids from pgflow.step_tasks \gset

create temp table first_call on commit drop as
  select * from pgflow.start_tasks('claims', (select array_agg(message_id) from pgflow.step_tasks where task_index = 0),
                                   '11111111-1111-1111-1111-111111111111'::uuid);
create temp table second_call on commit drop as
  select * from pgflow.start_tasks('claims', :'all_ids'::bigint[], '22222222-2222-2222-2222-222222222222'::uuid);

select is((select array_agg(task_index) from first_call), array[0], 'the first call claims task 0');
select is((select array_agg(task_index order by task_index) from second_call), array[1, 2],
  'the second call gets only the tasks it claimed');
select is(
  (select last_worker_id from pgflow.step_tasks where task_index = 0),
  '11111111-1111-1111-1111-111111111111'::uuid,
  'task 0 stays with the first worker'
);
select is((select attempts_count from pgflow.step_tasks where task_index = 0), 1, 'task 0 counted one attempt');

select * from finish();
rollback;
