begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('workers');
select pgflow.add_step('workers', 'm', step_type => 'map');
select run_id from pgflow.start_flow('workers', '[1, 2, 3, 4, 5]'::jsonb) \gset

create temp table w1 on commit drop as
  select * from pgflow_tests.read_and_start('workers', 5, 2, '11111111-1111-1111-1111-111111111111'::uuid, 'fn_one');
create temp table w2 on commit drop as
  select * from pgflow_tests.read_and_start('workers', 5, 10, '22222222-2222-2222-2222-222222222222'::uuid, 'fn_two');

select is((select array_agg(task_index order by task_index) from w1), array[0, 1], 'the first worker gets two tasks');
select is((select array_agg(task_index order by task_index) from w2), array[2, 3, 4], 'the second worker gets the rest');
select is(
  (select array_agg(last_worker_id::text order by task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array['11111111-1111-1111-1111-111111111111', '11111111-1111-1111-1111-111111111111',
        '22222222-2222-2222-2222-222222222222', '22222222-2222-2222-2222-222222222222',
        '22222222-2222-2222-2222-222222222222'],
  'each task records the worker that started it'
);
select ok(
  (select bool_and(status = 'started' and attempts_count = 1) from pgflow.step_tasks where run_id = :'run_id'),
  'every task was started exactly once'
);

select * from finish();
rollback;
