begin;
select plan(7);

select pgflow_tests.reset_db();
select pgflow.create_flow('failing', max_attempts => 1);
select pgflow.add_step('failing', 'bad');
select run_id from pgflow.start_flow('failing', '{}'::jsonb) \gset

create temp table event_log (seq serial primary key, event text) on commit drop;
create function pgflow_tests.h_rt1_log_event() returns trigger language plpgsql as $$
begin
  insert into event_log (event) values (new.event);
  return new;
end;
$$;
create trigger h_rt1_log_event after insert on realtime.messages
  for each row execute function pgflow_tests.h_rt1_log_event();

select pgflow_tests.read_and_start('failing', 5, 1);
select pgflow.fail_task(:'run_id', 'bad', 0, 'Something went wrong');

select is(
  (select array_agg(event order by seq) from event_log),
  array['step:bad:failed', 'run:failed'],
  'step:failed is sent before run:failed'
);
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'bad')) as k),
  array['error_message', 'event_type', 'failed_at', 'flow_slug', 'id', 'run_id', 'status', 'step_slug'],
  'the step:failed payload has exactly these keys'
);
select is(
  pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'bad') - 'id' - 'failed_at',
  jsonb_build_object('event_type', 'step:failed', 'run_id', :'run_id', 'flow_slug', 'failing',
                     'step_slug', 'bad', 'status', 'failed', 'error_message', 'Something went wrong'),
  'step:failed carries the task error'
);
select is(
  (pgflow_tests.find_realtime_event('step:failed', :'run_id'::uuid, 'bad') ->> 'failed_at')::timestamptz,
  (select failed_at from pgflow.step_states where run_id = :'run_id'),
  'step:failed failed_at is the step''s failed_at'
);
select is(
  (select array_agg(k order by k)
     from jsonb_object_keys(pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid)) as k),
  array['error_message', 'event_type', 'failed_at', 'flow_slug', 'id', 'run_id', 'status'],
  'the run:failed payload has exactly these keys'
);
select is(
  pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) - 'id' - 'failed_at',
  jsonb_build_object('event_type', 'run:failed', 'run_id', :'run_id', 'flow_slug', 'failing',
                     'status', 'failed', 'error_message', 'Something went wrong'),
  'run:failed carries the task error'
);
select is(
  (pgflow_tests.find_realtime_event('run:failed', :'run_id'::uuid) ->> 'failed_at')::timestamptz,
  (select failed_at from pgflow.runs where run_id = :'run_id'),
  'run:failed failed_at is the run''s failed_at'
);

select * from finish();
rollback;
