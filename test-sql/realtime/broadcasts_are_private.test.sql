-- Defect 17: upstream broadcasts with private = false.
begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('sequential', 5, 1);
select pgflow.complete_task(:'run_id', 'first', 0, '"x"'::jsonb);

select is(
  (select count(*)::int from realtime.messages),
  4,
  'run:started, step:started, step:completed and the next step:started were sent'
);
select ok((select bool_and(private) from realtime.messages), 'every event is sent private');
select ok(
  (select bool_and(topic = 'pgflow:run:' || :'run_id' and extension = 'broadcast') from realtime.messages),
  'every event goes to the run topic as a broadcast'
);

select * from finish();
rollback;
