-- Privacy of Realtime broadcasts: the session setting pgflow.realtime_private when set, else the
-- database's stored setting (pgflow.settings row realtime_private), else private.
begin;
select plan(7);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

-- Starts a run and returns whether its events were sent private (null when they disagree).
create function pg_temp.run_is_private() returns boolean language plpgsql as $$
declare
  v_run uuid;
begin
  select run_id into v_run from pgflow.start_flow('sequential', '{}'::jsonb);
  return (select case when bool_and(private) then true when not bool_or(private) then false end
            from realtime.messages where topic = 'pgflow:run:' || v_run);
end;
$$;

select is(
  (select value from pgflow.settings where name = 'realtime_private'),
  'on',
  'a new install stores realtime_private = on'
);
select is(pg_temp.run_is_private(), true, 'stored on: events are private');

update pgflow.settings set value = 'off' where name = 'realtime_private';
select is(pg_temp.run_is_private(), false, 'stored off: events are public');

set local pgflow.realtime_private = on;
select is(pg_temp.run_is_private(), true, 'the session setting on overrides the stored off');

set local pgflow.realtime_private = '';
select is(pg_temp.run_is_private(), false, 'an empty session setting leaves it to the stored one');

delete from pgflow.settings where name = 'realtime_private';
select is(pg_temp.run_is_private(), true, 'without a stored row: private');

select throws_ok(
  $$ insert into pgflow.settings (name, value) values ('realtime_private', 'true') $$,
  '23514',
  null,
  'the stored value is on or off'
);

select * from finish();
rollback;
