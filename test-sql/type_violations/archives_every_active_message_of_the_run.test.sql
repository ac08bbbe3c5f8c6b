begin;
select plan(5);

select pgflow_tests.reset_db();
select pgflow.create_flow('tv_archive');
select pgflow.add_step('tv_archive', 'producer');
select pgflow.add_step('tv_archive', 'queued_sibling');
select pgflow.add_step('tv_archive', 'started_sibling');
select pgflow.add_step('tv_archive', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('tv_archive', '{}'::jsonb) \gset

-- producer and started_sibling are started; queued_sibling stays queued.
select pgflow_tests.ensure_worker('tv_archive');
select pgflow.start_tasks('tv_archive',
  (select array_agg(message_id) from pgflow.step_tasks where step_slug in ('producer', 'started_sibling')),
  '11111111-1111-1111-1111-111111111111'::uuid);

select pgflow.complete_task(:'run_id', 'producer', 0, '{"not": "array"}'::jsonb);

select is((select count(*)::int from pgmq.q_tv_archive), 0, 'no message of the run is left in the queue');
select is(
  (select array_agg(t.step_slug order by t.step_slug)
     from pgmq.a_tv_archive a join pgflow.step_tasks t on t.message_id = a.msg_id),
  array['producer', 'queued_sibling', 'started_sibling'],
  'queued and started messages are archived with the offending one'
);
select is((select status from pgflow.runs), 'failed', 'the run is failed');
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_tasks),
  array[row('producer', 'failed')::text, row('queued_sibling', 'cancelled')::text,
        row('started_sibling', 'cancelled')::text],
  'the offending task fails and the other active tasks are cancelled (defect 7)'
);
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_states),
  array[row('m', 'created')::text, row('producer', 'failed')::text, row('queued_sibling', 'started')::text,
        row('started_sibling', 'started')::text],
  'only the offending step fails; other steps keep their status'
);

select * from finish();
rollback;
