begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('arrays');
select pgflow.add_step('arrays', 'm', step_type => 'map');

select run_id as nested from pgflow.start_flow('arrays', '[[1, 2], [3, 4, 5], []]'::jsonb) \gset
select run_id as mixed from pgflow.start_flow('arrays', '[1, "two", {"three": 3}, [4], null, true]'::jsonb) \gset
select run_id as dups from pgflow.start_flow('arrays', '[7, 7, 7, null, null]'::jsonb) \gset

select is(
  (select initial_tasks from pgflow.step_states where run_id = :'nested'),
  3, 'nested arrays count as single elements'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'mixed'),
  6, 'mixed element types are all counted, including null'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'dups'),
  5, 'duplicates and nulls are counted'
);
select is(
  (select array_agg((message ->> 'task_index')::int order by msg_id)
     from pgmq.q_arrays where message ->> 'run_id' = :'mixed'),
  array[0, 1, 2, 3, 4, 5],
  'one message per element with task_index 0..N-1 in msg_id order'
);

select * from finish();
rollback;
