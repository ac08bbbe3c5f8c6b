begin;
select plan(8);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{"n": 1}'::jsonb) \gset

create temp table t1 on commit drop as select * from pgflow_tests.read_and_start('sequential', 5, 10);
select is((select row(step_slug, input, flow_input)::text from t1), row('first', '{}'::jsonb, '{"n": 1}'::jsonb)::text,
  'first: a root task with the run input as flow_input');
select count(*) from pgflow.complete_task(:'run_id', 'first', 0, '{"a": 1}'::jsonb);

create temp table t2 on commit drop as select * from pgflow_tests.read_and_start('sequential', 5, 10);
select is((select row(step_slug, input, flow_input)::text from t2), row('second', '{"first": {"a": 1}}'::jsonb, null::jsonb)::text,
  'second: its input is the dependency output, no flow_input');
select count(*) from pgflow.complete_task(:'run_id', 'second', 0, '{"b": 2}'::jsonb);

create temp table t3 on commit drop as select * from pgflow_tests.read_and_start('sequential', 5, 10);
select is((select input from t3), '{"second": {"b": 2}}'::jsonb, 'last: input from second');
select count(*) from pgflow.complete_task(:'run_id', 'last', 0, '{"c": 3}'::jsonb);

select is(
  (select row(status, remaining_steps, output)::text from pgflow.runs where run_id = :'run_id'),
  row('completed', 0, '{"last": {"c": 3}}'::jsonb)::text,
  'the run completed with the leaf output'
);
select is(
  (select array_agg(status order by step_slug) from pgflow.step_states where run_id = :'run_id'),
  array['completed', 'completed', 'completed'],
  'every step completed'
);
select is((select count(*)::int from pgmq.q_sequential), 0, 'no message is left in the queue');
select is((select count(*)::int from pgmq.a_sequential), 3, 'all three messages were archived');
select is(
  (select array_agg(event order by event) from realtime.messages),
  array['run:completed', 'run:started', 'step:first:completed', 'step:first:started', 'step:last:completed',
        'step:last:started', 'step:second:completed', 'step:second:started'],
  'every transition was broadcast once'
);

select * from finish();
rollback;
