begin;
select plan(6);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.setup_flow('sequential_other');
select pgflow_tests.ensure_worker('sequential');
select pgflow.start_flow('sequential', '{}'::jsonb);
select pgflow.start_flow('other', '{}'::jsonb);
-- Message ids are per queue: the second run of 'other' has msg_id 2, which 'sequential' lacks.
select pgflow.start_flow('other', '{}'::jsonb);

select is(
  (select count(*)::int from pgflow.start_tasks('sequential', array[999999]::bigint[], '11111111-1111-1111-1111-111111111111'::uuid)),
  0, 'an unknown msg_id returns nothing'
);
select is(
  (select count(*)::int from pgflow.start_tasks('sequential', '{}'::bigint[], '11111111-1111-1111-1111-111111111111'::uuid)),
  0, 'an empty array returns nothing'
);
select is(
  (select count(*)::int from pgflow.start_tasks('sequential', null, '11111111-1111-1111-1111-111111111111'::uuid)),
  0, 'a NULL array returns nothing'
);
select is(
  (select count(*)::int from pgflow.start_tasks(
     'sequential',
     (select array_agg(message_id) from pgflow.step_tasks
       where flow_slug = 'other' and message_id not in (select message_id from pgflow.step_tasks where flow_slug = 'sequential')),
     '11111111-1111-1111-1111-111111111111'::uuid)),
  0, 'msg_ids of another flow''s tasks are ignored'
);
select is(
  (select count(*)::int from pgflow.start_tasks('no_such_flow', array[1]::bigint[], '11111111-1111-1111-1111-111111111111'::uuid)),
  0, 'a flow without a queue returns nothing'
);
select is(
  (select array_agg(status) from pgflow.step_tasks),
  array['queued', 'queued', 'queued'],
  'no task was started'
);

select * from finish();
rollback;
