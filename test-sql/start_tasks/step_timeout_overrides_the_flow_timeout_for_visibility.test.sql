begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('step_vt', timeout => 60);
select pgflow.add_step('step_vt', 'short', timeout => 10);
select pgflow.add_step('step_vt', 'default_timeout');
select pgflow.start_flow('step_vt', '{}'::jsonb);

select pgflow_tests.read_and_start('step_vt', 1, 10);

select ok(
  (select vt - clock_timestamp() between interval '8 seconds' and interval '12 seconds'
     from pgflow_tests.message_timing('short', 'step_vt')),
  'a step timeout of 10 s hides the message for about 12 s'
);
select ok(
  (select vt - clock_timestamp() between interval '55 seconds' and interval '62 seconds'
     from pgflow_tests.message_timing('default_timeout', 'step_vt')),
  'a step without its own timeout uses the flow timeout (60 + 2 s)'
);

select * from finish();
rollback;
