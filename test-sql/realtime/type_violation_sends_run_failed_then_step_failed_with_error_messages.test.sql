-- Defect 13: upstream's type-violation run:failed has no error_message; ours carries the step's.
begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow.create_flow('violation');
select pgflow.add_step('violation', 'producer');
select pgflow.add_step('violation', 'consumer', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('violation', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('violation', 5, 1);

create temp table event_log (seq serial primary key, event text) on commit drop;
create function pgflow_tests.h_rt1_log_event() returns trigger language plpgsql as $$
begin
  insert into event_log (event) values (new.event);
  return new;
end;
$$;
create trigger h_rt1_log_event after insert on realtime.messages
  for each row execute function pgflow_tests.h_rt1_log_event();

select pgflow.complete_task(:'run_id', 'producer', 0, '{"not": "an array"}'::jsonb);

select is(
  (select array_agg(event order by seq) from event_log),
  array['run:failed', 'step:producer:failed'],
  'run:failed is sent before step:failed'
);
select is(
  pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) - 'id' - 'failed_at',
  jsonb_build_object('event_type', 'run:failed', 'run_id', :'run_id', 'flow_slug', 'violation', 'status', 'failed',
    'error_message', '[TYPE_VIOLATION] Map step consumer expects array input but dependency producer produced object'),
  'run:failed names the violation in error_message'
);
select is(
  pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'producer') - 'id' - 'failed_at',
  jsonb_build_object('event_type', 'step:failed', 'run_id', :'run_id', 'flow_slug', 'violation',
    'step_slug', 'producer', 'status', 'failed',
    'error_message', '[TYPE_VIOLATION] Map step consumer expects array input but dependency producer produced object'),
  'step:failed carries the type-violation message'
);
select is(
  (pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) ->> 'failed_at')::timestamptz,
  (select failed_at from pgflow.runs where run_id = :'run_id'),
  'run:failed failed_at is the run''s failed_at'
);
select is(pgflow_tests.count_realtime_events('step:completed', :'run_id'::uuid), 0, 'no step:completed is sent');

select * from finish();
rollback;
