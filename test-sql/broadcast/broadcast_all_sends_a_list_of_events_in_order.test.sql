begin;
select plan(3);
select pgflow_tests.reset_db();
delete from realtime.messages;
-- The order of arrival, recorded as rows come in (ctid order is not insertion order once the
-- table has free space).
create temporary table arrivals (ord serial, row_text text);
create function pg_temp.record_arrival() returns trigger language plpgsql as $f$
begin
  insert into arrivals (row_text) values (row(new.topic, new.event, (new.payload ->> 'n')::int)::text);
  return new;
end;
$f$;
create trigger record_arrival after insert on realtime.messages
  for each row execute function pg_temp.record_arrival();

select pgflow._broadcast_all(
  array['00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001']::uuid[],
  array['step:b:completed', 'run:completed'],
  array['{"event_type": "step:completed", "n": 1}'::jsonb, '{"event_type": "run:completed", "n": 2}'::jsonb]);

select is(
  (select array_agg(row_text order by ord) from arrivals),
  array[row('pgflow:run:00000000-0000-0000-0000-000000000002', 'step:b:completed', 1)::text,
        row('pgflow:run:00000000-0000-0000-0000-000000000001', 'run:completed', 2)::text],
  'the i-th event goes to the i-th run''s topic, in the order given'
);
select is(
  (select count(distinct payload ->> 'id')::int from realtime.messages),
  2,
  'each with its own id'
);
select lives_ok(
  $$ select pgflow._broadcast_all(null, null, null) $$,
  'an empty list sends nothing'
);

select * from finish();
rollback;
