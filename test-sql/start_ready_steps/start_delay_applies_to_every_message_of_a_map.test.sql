begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('delayed_map');
select pgflow.add_step('delayed_map', 'm', step_type => 'map', start_delay => 20);

select pgflow.start_flow('delayed_map', '[1, 2, 3]'::jsonb);

select is((select count(*)::int from pgflow_tests.message_timing('m', 'delayed_map')), 3, 'three messages');
select ok(
  (select bool_and(vt_seconds between 18 and 22) from pgflow_tests.message_timing('m', 'delayed_map')),
  'every message of the map is hidden for about 20 s'
);

select * from finish();
rollback;
