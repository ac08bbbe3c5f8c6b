begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'c_first');
select pgflow.add_step('f', 'b_second', array['c_first']);
select pgflow.add_step('f', 'a_third', array['b_second']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

create temp table event_log (seq serial, event text);
create function pg_temp.log_event() returns trigger language plpgsql as $$
begin
  insert into event_log (event) values (new.event);
  return new;
end;
$$;
create trigger log_event after insert on realtime.messages for each row execute function pg_temp.log_event();

select pgflow._cascade_force_skip_steps(:'run_id', 'c_first', 'condition_unmet');

select is(
  (select array_agg(event order by seq) from event_log),
  array['step:c_first:skipped', 'step:b_second:skipped', 'step:a_third:skipped'],
  'events come in dependency order, not in alphabetical order'
);

select * from finish();
rollback;
