begin;
select plan(9);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a');
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

select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');

select is(
  (select array_agg(event order by seq) from event_log),
  array['step:a:failed', 'run:failed'],
  'step:failed comes before run:failed'
);

select pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'a') as step_event \gset
select pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) as run_event \gset
select is((:'step_event'::jsonb) ->> 'status', 'failed', 'step:failed status');
select is((:'step_event'::jsonb) ->> 'error_message', 'boom', 'step:failed carries the error');
-- defect 14
select is((:'step_event'::jsonb) ->> 'flow_slug', 'f', 'step:failed carries flow_slug');
select is(
  ((:'step_event'::jsonb) ->> 'failed_at')::timestamptz,
  (select failed_at from pgflow.step_states where run_id = :'run_id' and step_slug = 'a'),
  'step:failed failed_at matches the step'
);
select is((:'run_event'::jsonb) ->> 'status', 'failed', 'run:failed status');
select is((:'run_event'::jsonb) ->> 'error_message', 'boom', 'run:failed carries the task error');
select is((:'run_event'::jsonb) ->> 'flow_slug', 'f', 'run:failed carries flow_slug');
select is(
  (select topic from pgflow_tests.get_realtime_message('run:failed', :'run_id'::uuid)),
  'pgflow:run:' || :'run_id',
  'the event goes to the run topic'
);

select * from finish();
rollback;
