begin;
select plan(5);
select pgflow_tests.reset_db();
select pgflow.create_flow('j');
select pgflow.add_step('j', 'only');
select count(*) from generate_series(1, 3) as g cross join lateral pgflow.start_flow('j', jsonb_build_object('n', g));
select count(*) from pgflow_tests.read_and_start('j', 30, 3);

create temp table batch as
  select array_agg(t.run_id order by t.run_id) as run_ids,
         array_agg(t.step_slug order by t.run_id) as slugs,
         array_agg(t.task_index order by t.run_id) as idxs,
         array_agg(jsonb_build_object('out', r.input -> 'n') order by t.run_id) as outputs
    from pgflow.step_tasks as t join pgflow.runs as r using (run_id);

select is(
  (select array_agg(c.status) from batch, pgflow.complete_tasks(batch.run_ids, batch.slugs, batch.idxs, batch.outputs) as c),
  array['completed', 'completed', 'completed'],
  'every task of the batch is returned completed'
);
select is(
  (select count(*)::integer from pgflow.runs where status = 'completed' and output = jsonb_build_object('only', jsonb_build_object('out', input -> 'n'))),
  3,
  'each run completes with its own task output'
);
select is(
  (select count(*)::integer from pgflow.step_tasks where status = 'completed' and output = (select jsonb_build_object('out', r.input -> 'n') from pgflow.runs r where r.run_id = step_tasks.run_id)),
  3,
  'each task keeps its own output'
);
select is(
  (select row((select count(*) from pgmq.q_j), (select count(*) from pgmq.a_j))::text),
  row(0, 3)::text,
  'every message is archived'
);
select is(
  (select count(*)::integer from pgflow.runs r
    where pgflow_tests.count_realtime_events('step:completed', r.run_id, 'only') = 1
      and pgflow_tests.count_realtime_events('run:completed', r.run_id) = 1),
  3,
  'each run gets one step:completed and one run:completed'
);

select * from finish();
rollback;
