begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'm1', array['a'], step_type => 'map');
select pgflow.add_step('f', 'm2', array['m1'], step_type => 'map');
select pgflow.add_step('f', 'z', array['m2']);
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

select count(*) from pgflow.complete_task(:'run_id', 'a', 0, '[]'::jsonb);

select is(
  (select array_agg(event order by seq) from event_log),
  array['step:a:completed', 'step:m1:completed', 'step:m2:completed', 'step:z:started'],
  'the parent, then the cascade wave by wave, then the next started step'
);
select is(
  (select row(status, remaining_steps)::text from pgflow.runs where run_id = :'run_id'),
  row('started', 1)::text,
  'three steps are done and z runs'
);

select * from finish();
rollback;
