begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow.create_flow('empty_map');
select pgflow.add_step('empty_map', 'm', step_type => 'map');

create temp table r on commit drop as select * from pgflow.start_flow('empty_map', '[]'::jsonb);

select is((select status from r), 'completed', 'start_flow returns the run already completed');
select is((select output from r), '{"m": []}'::jsonb, 'the run output holds the empty map output');
select is((select remaining_steps from r), 0, 'no steps remain');
select is(
  (select row(status, initial_tasks, remaining_tasks, output)::text from pgflow.step_states),
  row('completed', 0, 0, '[]'::jsonb)::text,
  'the map completes with [] and no tasks'
);
select is((select count(*)::int from pgflow.step_tasks), 0, 'no tasks are created');
select is((select count(*)::int from pgmq.q_empty_map), 0, 'no messages are sent');

select * from finish();
rollback;
