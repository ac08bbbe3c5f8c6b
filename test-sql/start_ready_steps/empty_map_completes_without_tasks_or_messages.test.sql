begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('empty_then_single');
select pgflow.add_step('empty_then_single', 'm', step_type => 'map');
select pgflow.add_step('empty_then_single', 'after', array['m']);

select run_id from pgflow.start_flow('empty_then_single', '[]'::jsonb) \gset

select is(
  (select row(status, remaining_tasks, output)::text from pgflow.step_states
    where run_id = :'run_id' and step_slug = 'm'),
  row('completed', 0, '[]'::jsonb)::text,
  'the empty map completes with [] and is not started'
);
select is(
  (select count(*)::int from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'm'),
  0,
  'the empty map has no tasks'
);
select is(
  (select row(status, remaining_deps)::text from pgflow.step_states where run_id = :'run_id' and step_slug = 'after'),
  row('started', 0)::text,
  'its single dependent starts'
);
select is(
  (select array_agg(message ->> 'step_slug') from pgmq.q_empty_then_single),
  array['after'],
  'only the dependent step gets a message'
);

select * from finish();
rollback;
