-- Defect 1: upstream 0.14.1 never runs its vt update, so a claimed message reappears after the
-- worker's read vt. Ours sets vt = clock_timestamp() + timeout + 2 s on every claimed message.
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('vt_flow', timeout => 60);
select pgflow.add_step('vt_flow', 'm', step_type => 'map');
select pgflow.start_flow('vt_flow', '[1, 2, 3]'::jsonb);

select pgflow_tests.read_and_start('vt_flow', 1, 10);

select ok(
  (select bool_and(vt - clock_timestamp() between interval '55 seconds' and interval '62 seconds')
     from pgmq.q_vt_flow),
  'every claimed message is hidden for about 62 s (flow timeout 60 + 2), not the read vt of 1 s'
);
select is((select count(*)::int from pgmq.q_vt_flow), 3, 'the messages stay in the queue');
select is((select array_agg(read_ct) from pgmq.q_vt_flow), array[1, 1, 1], 'start_tasks does not change read_ct');

select pg_sleep(1.2);
select is(
  (select count(*)::int from pgmq.read('vt_flow', 1, 10)),
  0,
  'after the read vt has passed the messages are still invisible'
);

select * from finish();
rollback;
