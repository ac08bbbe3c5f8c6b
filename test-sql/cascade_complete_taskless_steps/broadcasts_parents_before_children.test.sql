begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'c_root', step_type => 'map');
select pgflow.add_step('f', 'b_mid', array['c_root'], step_type => 'map');
select pgflow.add_step('f', 'a_leaf', array['b_mid'], step_type => 'map');

create temp table event_log (seq serial, event text);
create function pg_temp.log_event() returns trigger language plpgsql as $$
begin
  insert into event_log (event) values (new.event);
  return new;
end;
$$;
create trigger log_event after insert on realtime.messages for each row execute function pg_temp.log_event();

select pgflow.start_flow('f', '[]'::jsonb);

-- slugs are chosen so that alphabetical order is the reverse of dependency order
select is(
  (select array_agg(event order by seq) from event_log),
  array['run:started', 'step:c_root:completed', 'step:b_mid:completed', 'step:a_leaf:completed', 'run:completed'],
  'events follow the dependency order, wave by wave'
);

select * from finish();
rollback;
