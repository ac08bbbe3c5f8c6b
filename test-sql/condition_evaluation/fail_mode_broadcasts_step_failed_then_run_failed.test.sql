begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a', required_input_pattern => '{"go": true}', when_unmet => 'fail');

create temp table event_log (seq serial, event text);
create function pg_temp.log_event() returns trigger language plpgsql as $$
begin
  insert into event_log (event) values (new.event);
  return new;
end;
$$;
create trigger log_event after insert on realtime.messages for each row execute function pg_temp.log_event();

select run_id from pgflow.start_flow('f', '{"go": false}'::jsonb) \gset

select is(
  (select array_agg(event order by seq) from event_log),
  array['run:started', 'step:a:failed', 'run:failed'],
  'run:started, then step:failed, then run:failed'
);
select pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'a') as step_event \gset
select pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) as run_event \gset
select is((:'step_event'::jsonb) ->> 'error_message', 'Condition not met', 'step:failed says Condition not met');
select is((:'step_event'::jsonb) ->> 'status', 'failed', 'step:failed status');
-- defect 14
select is((:'step_event'::jsonb) ->> 'flow_slug', 'f', 'step:failed carries flow_slug');
select is((:'run_event'::jsonb) ->> 'error_message', 'Condition not met', 'run:failed says Condition not met');
select is((:'run_event'::jsonb) ->> 'flow_slug', 'f', 'run:failed carries flow_slug');
select is(
  ((:'run_event'::jsonb) ->> 'failed_at')::timestamptz,
  (select failed_at from pgflow.runs where run_id = :'run_id'),
  'run:failed failed_at matches the run'
);

select * from finish();
rollback;
