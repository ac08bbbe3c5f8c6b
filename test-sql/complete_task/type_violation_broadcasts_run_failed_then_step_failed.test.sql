begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm', array['a'], step_type => 'map');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f');

create temp table event_log (seq serial, event text);
create function pg_temp.log_event() returns trigger language plpgsql as $$
begin
  insert into event_log (event) values (new.event);
  return new;
end;
$$;
create trigger log_event after insert on realtime.messages for each row execute function pg_temp.log_event();

select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '{"x": 1}'::jsonb);

select is(
  (select array_agg(event order by seq) from event_log),
  array['run:failed', 'step:a:failed'],
  'run:failed comes before step:failed'
);

select pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) as run_event \gset
select pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'a') as step_event \gset
select is((:'run_event'::jsonb) ->> 'status', 'failed', 'run:failed has status failed');
select is((:'run_event'::jsonb) ->> 'flow_slug', 'f', 'run:failed has flow_slug');
-- defect 13: upstream's type-violation run:failed has no error_message; ours carries the step message
select is(
  (:'run_event'::jsonb) ->> 'error_message',
  '[TYPE_VIOLATION] Map step m expects array input but dependency a produced object',
  'run:failed carries the error message'
);
select is(
  ((:'run_event'::jsonb) ->> 'failed_at')::timestamptz,
  (select failed_at from pgflow.runs where run_id = :'run_id'),
  'run:failed failed_at matches the run'
);
select is(
  (:'step_event'::jsonb) ->> 'error_message',
  '[TYPE_VIOLATION] Map step m expects array input but dependency a produced object',
  'step:failed carries the step message'
);
-- defect 14
select is((:'step_event'::jsonb) ->> 'flow_slug', 'f', 'step:failed has flow_slug');

select * from finish();
rollback;
