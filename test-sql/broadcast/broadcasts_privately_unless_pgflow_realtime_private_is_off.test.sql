-- Defect 17: private by default; `set pgflow.realtime_private = off` restores public broadcasts.
begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select run_id as private_run from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select ok(
  (select bool_and(private) from realtime.messages where topic = 'pgflow:run:' || :'private_run'),
  'events are private by default'
);

set local pgflow.realtime_private = off;
select run_id as public_run from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select ok(
  (select bool_and(not private) from realtime.messages where topic = 'pgflow:run:' || :'public_run'),
  'pgflow.realtime_private = off sends public events'
);

set local pgflow.realtime_private = '';
select run_id as default_run from pgflow.start_flow('sequential', '{}'::jsonb) \gset
select ok(
  (select bool_and(private) from realtime.messages where topic = 'pgflow:run:' || :'default_run'),
  'an empty setting means the default (private)'
);

select * from finish();
rollback;
