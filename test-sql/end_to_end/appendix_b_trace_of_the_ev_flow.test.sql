begin;
select plan(30);
select pgflow_tests.reset_db();

-- pgflow-sql.md Appendix B: a -> m (map on a) -> c (if {"m": [1]}); a -> d (max_attempts 0,
-- when_exhausted skip) -> e
select pgflow.create_flow('ev', max_attempts => 2, base_delay => 0);
select pgflow.add_step('ev', 'a');
select pgflow.add_step('ev', 'm', array['a'], step_type => 'map');
select pgflow.add_step('ev', 'c', array['m'], required_input_pattern => '{"m": [1]}');
select pgflow.add_step('ev', 'd', array['a'], max_attempts => 0, when_exhausted => 'skip');
select pgflow.add_step('ev', 'e', array['d']);

-- 1. start
select run_id from pgflow.start_flow('ev', '{"x": 1}'::jsonb) \gset
select is(
  (pgflow_tests.find_realtime_event('run:started', :'run_id'::uuid)) -> 'remaining_steps',
  '5'::jsonb,
  '1. run:started with remaining_steps 5'
);
select is(
  (pgflow_tests.find_realtime_event('run:started', :'run_id'::uuid)) -> 'input',
  '{"x": 1}'::jsonb,
  '1. run:started carries the input'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'a'), 1, '1. step:a:started');
select is(
  (select array_agg(message) from pgmq.q_ev),
  array[jsonb_build_object('flow_slug', 'ev', 'run_id', :'run_id'::uuid, 'step_slug', 'a', 'task_index', 0)],
  '1. one message for a'
);

-- 2. a completes with [5, 6]
create temp table t_a on commit drop as select * from pgflow_tests.read_and_start('ev');
select is((select row(step_slug, input, flow_input)::text from t_a), row('a', '{}'::jsonb, '{"x": 1}'::jsonb)::text,
  '2. the root task gets {} as input and the run input as flow_input');
select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '[5, 6]'::jsonb);
select is(
  (pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'a')) -> 'output',
  '[5, 6]'::jsonb,
  '2. step:a:completed with output [5, 6]'
);
select is(
  (select initial_tasks from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  2,
  '2. m maps over two elements'
);
select is(
  (pgflow_tests.find_realtime_event('step:started', :'run_id'::uuid, 'm')) -> 'remaining_tasks',
  '2'::jsonb,
  '2. step:m:started with remaining_tasks 2'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'd'), 1, '2. step:d:started');
select is((select count(*)::int from pgmq.q_ev), 3, '2. three messages: m[0], m[1], d[0]');

-- 3. d fails once and is exhausted at once (max_attempts 0)
create temp table t_wave on commit drop as select * from pgflow_tests.read_and_start('ev', 1, 10);
select is(
  (select array_agg(row(step_slug, task_index, input)::text order by step_slug, task_index) from t_wave),
  array[row('d', 0, '{"a": [5, 6]}'::jsonb)::text, row('m', 0, '5'::jsonb)::text, row('m', 1, '6'::jsonb)::text],
  '3. d gets {a: [5, 6]}, the map tasks get one element each'
);
select count(*) from pgflow.fail_task(:'run_id', 'd', 0, 'boom');
select is(
  (select row(status, skip_reason, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'd'),
  row('skipped', 'handler_failed', 'boom')::text,
  '3. d is skipped for handler_failed with error boom'
);
select is(
  (pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'd')) ->> 'error_message',
  'boom',
  '3. step:d:skipped carries the error'
);
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'e'),
  row('started', 0)::text,
  '3. e is released and started'
);
select is(pgflow_tests.count_realtime_events('step:started', :'run_id'::uuid, 'e'), 1, '3. step:e:started');

-- 4. m[0] fails once: retried without event
select count(*) as events_before_retry from realtime.messages \gset
select is(
  (select row(status, attempts_count, error_message)::text from pgflow.fail_task(:'run_id', 'm', 0, 'flaky')),
  row('queued', 1, 'flaky')::text,
  '4. m[0] is queued again and keeps its error'
);
select is(
  (select row(status, error_message)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('started', null::text)::text,
  '4. the step error stays NULL'
);
select is((select count(*)::int from realtime.messages), :events_before_retry::int, '4. no event for the retry');

-- 5. m[0] (second attempt) and m[1] complete; c's condition is unmet
create temp table t_retry on commit drop as select * from pgflow_tests.read_and_start('ev', 1, 10);
select is(
  (select array_agg(row(step_slug, task_index)::text order by step_slug, task_index) from t_retry),
  array[row('e', 0)::text, row('m', 0)::text],
  '5. the retried m[0] (base_delay 0) and e are read'
);
select count(*) from pgflow.complete_task(:'run_id', 'm', 0, '"x0"'::jsonb);
select count(*) from pgflow.complete_task(:'run_id', 'm', 1, '"x1"'::jsonb);
select is(
  (select row(status, output)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'm'),
  row('completed', '["x0", "x1"]'::jsonb)::text,
  '5. m output is ["x0", "x1"]'
);
select is(
  (select attempts_count from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm' and task_index = 0),
  2,
  '5. m[0] took two attempts'
);
select is(
  (pgflow_tests.find_realtime_event('step:completed', :'run_id'::uuid, 'm')) -> 'output',
  '["x0", "x1"]'::jsonb,
  '5. step:m:completed carries the array'
);
select is(
  (select row(status, skip_reason)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'c'),
  row('skipped', 'condition_unmet')::text,
  '5. {"m": ["x0", "x1"]} does not contain {"m": [1]}: c is skipped'
);
select is(
  (pgflow_tests.find_realtime_event('step:skipped', :'run_id'::uuid, 'c')) ->> 'flow_slug',
  'ev',
  '5. step:c:skipped has flow_slug'
);
select is((select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'c'), 0, '5. c never got a task');

-- 6. the run waits for e
select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 1)::text,
  '6. the run is started with one remaining step'
);
select is((select input from t_retry where step_slug = 'e'), '{}'::jsonb, '6. e got {} (its only dependency was skipped)');
select count(*) from pgflow.complete_task(:'run_id', 'e', 0, '{"done": true}'::jsonb);
select is(
  (select row(status, remaining_steps, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0, '{"e": {"done": true}}'::jsonb)::text,
  '6. the run completes with {"e": ...}; the skipped leaf c is left out'
);
select is((select count(*)::int from pgmq.q_ev), 0, '6. the queue is empty');
select is(
  (select array_agg(status order by step_slug, task_index) from pgflow.step_tasks where run_id = :'run_id'),
  array['completed', 'failed', 'completed', 'completed', 'completed'],
  '6. every task is in a terminal state (a, d, e, m[0], m[1])'
);

select * from finish();
rollback;
