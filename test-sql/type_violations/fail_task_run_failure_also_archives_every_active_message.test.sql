begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('ft_archive', max_attempts => 1);
select pgflow.add_step('ft_archive', 'bad');
select pgflow.add_step('ft_archive', 'queued_sibling');
select pgflow.add_step('ft_archive', 'started_sibling');
select run_id from pgflow.start_flow('ft_archive', '{}'::jsonb) \gset

select pgflow_tests.ensure_worker('ft_archive');
select pgflow.start_tasks('ft_archive',
  (select array_agg(message_id) from pgflow.step_tasks where step_slug in ('bad', 'started_sibling')),
  '11111111-1111-1111-1111-111111111111'::uuid);
select pgflow.fail_task(:'run_id', 'bad', 0, 'boom');

select is((select count(*)::int from pgmq.q_ft_archive), 0, 'no message of the run is left in the queue');
select is((select count(*)::int from pgmq.a_ft_archive), 3, 'all three messages are archived');
select is(
  (select array_agg(row(step_slug, status)::text order by step_slug) from pgflow.step_tasks),
  array[row('bad', 'failed')::text, row('queued_sibling', 'cancelled')::text,
        row('started_sibling', 'cancelled')::text],
  'the other active tasks are cancelled'
);

select * from finish();
rollback;
