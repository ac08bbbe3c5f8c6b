begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('dep_delay', base_delay => 0);
select pgflow.add_step('dep_delay', 'first');
select pgflow.add_step('dep_delay', 'second', array['first'], start_delay => 15);

select run_id from pgflow.start_flow('dep_delay', '{}'::jsonb) \gset
select ok(
  (select vt_seconds between 0 and 2 from pgflow_tests.message_timing('first', 'dep_delay')),
  'the root message is visible at once'
);
select is((select count(*)::int from pgflow_tests.message_timing('second', 'dep_delay')), 0,
  'the dependent step has no message yet');

select pgflow_tests.poll_and_complete('dep_delay');

select is(
  (select status from pgflow.step_states where run_id = :'run_id' and step_slug = 'second'),
  'started',
  'the dependent step starts when its dependency completes'
);
select ok(
  (select vt_seconds between 13 and 17 from pgflow_tests.message_timing('second', 'dep_delay')),
  'its message is hidden for about its start_delay of 15 s'
);

select * from finish();
rollback;
