begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('delayed');
select pgflow.add_step('delayed', 'later', start_delay => 30);
select pgflow.add_step('delayed', 'now_step');

select pgflow.start_flow('delayed', '{}'::jsonb);

select ok(
  (select vt_seconds between 28 and 32 from pgflow_tests.message_timing('later', 'delayed')),
  'a step with start_delay 30 gets a message hidden for about 30 s'
);
select ok(
  (select vt_seconds between 0 and 2 from pgflow_tests.message_timing('now_step', 'delayed')),
  'a step without start_delay is visible at once'
);
select is(
  (select status from pgflow.step_states where step_slug = 'later'),
  'started',
  'the delayed step is started; only its message is delayed'
);

select * from finish();
rollback;
