begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b');
select pgflow.add_step('f', 'c');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
-- a and b started, c still queued
select count(*) from pgflow_tests.read_and_start('f', 1, 2);

select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '{"x": 1}'::jsonb);

-- defect 7: upstream only archives the messages and leaves b 'started' and c 'queued'
select is(
  (select array_agg(status order by step_slug) from pgflow.step_tasks where run_id = :'run_id'),
  array['failed', 'cancelled', 'cancelled'],
  'the failing task is failed, the others are cancelled'
);
select is((select count(*)::int from pgmq.q_f), 0, 'no message is left in the queue');
select is((select count(*)::int from pgmq.a_f), 3, 'all three messages are archived');
select is(
  (select count(*)::int from pgflow.start_tasks('f', (select array_agg(msg_id) from pgmq.a_f),
     pgflow_tests.ensure_worker('f'))),
  0,
  'nothing can be started any more'
);

select * from finish();
rollback;
