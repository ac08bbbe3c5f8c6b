begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('bc');
select pgflow.add_step('bc', 'm', step_type => 'map');
select run_id from pgflow.start_flow('bc', '[1, 2]'::jsonb) \gset

select is((select count(*)::int from realtime.messages), 2, 'run:started and step:started were sent');
select ok(
  (select bool_and(topic = 'pgflow:run:' || :'run_id' and extension = 'broadcast') from realtime.messages),
  'on the topic pgflow:run:<run_id> as broadcasts'
);
select is(
  (select count(distinct payload ->> 'id')::int from realtime.messages where (payload ->> 'id')::uuid is not null),
  2,
  'every payload has its own uuid id'
);
select ok(
  (select bool_and(event = case when payload ->> 'event_type' like 'step:%'
                               then 'step:' || (payload ->> 'step_slug') || ':' || (payload ->> 'status')
                               else payload ->> 'event_type' end)
     from realtime.messages),
  'the event name is run:<status> or step:<slug>:<status>, matching event_type'
);

select * from finish();
rollback;
