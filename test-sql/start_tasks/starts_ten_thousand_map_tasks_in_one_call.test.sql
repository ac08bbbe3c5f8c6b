-- Correctness at scale; no tight time limit (timings depend on the machine).
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('scale');
select pgflow.add_step('scale', 'm', step_type => 'map');
select pgflow.start_flow('scale', (select jsonb_agg(i * 10 order by i) from generate_series(0, 9999) as i));
select pgflow_tests.ensure_worker('scale');

create temp table started on commit drop as
  select * from pgflow.start_tasks('scale', (select array_agg(message_id) from pgflow.step_tasks),
                                   '11111111-1111-1111-1111-111111111111'::uuid);

select is((select count(*)::int from started), 10000, '10 000 records are returned');
select is((select count(*)::int from started where input = to_jsonb(task_index * 10)), 10000,
  'every task gets its own element');
select is((select count(*)::int from pgflow.step_tasks where status = 'started' and attempts_count = 1), 10000,
  'every task is started once');
select is(
  (select count(*)::int from pgmq.q_scale where vt > now() + interval '61 seconds'),
  10000,
  'every message is hidden for the timeout'
);

select * from finish();
rollback;
