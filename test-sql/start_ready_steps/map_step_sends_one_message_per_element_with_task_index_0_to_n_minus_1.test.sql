begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('map_flow');
select pgflow.add_step('map_flow', 'm', step_type => 'map');

select run_id from pgflow.start_flow('map_flow', '["a", "b", "c", "d"]'::jsonb) \gset

select is((select count(*)::int from pgmq.q_map_flow), 4, 'four messages are sent');
select is(
  (select array_agg(message order by msg_id) from pgmq.q_map_flow),
  array(
    select jsonb_build_object('flow_slug', 'map_flow', 'run_id', :'run_id', 'step_slug', 'm', 'task_index', i)
      from generate_series(0, 3) as i order by i
  ),
  'messages carry task_index 0..3 in msg_id order'
);
select is(
  (select array_agg(t.task_index order by q.msg_id)
     from pgmq.q_map_flow q join pgflow.step_tasks t on t.message_id = q.msg_id),
  array[0, 1, 2, 3],
  'each task is linked to the message with its own task_index'
);
select is(
  (select array_agg(row(task_index, status)::text order by task_index) from pgflow.step_tasks),
  array[row(0, 'queued')::text, row(1, 'queued')::text, row(2, 'queued')::text, row(3, 'queued')::text],
  'a map spawns N queued tasks'
);

select * from finish();
rollback;
