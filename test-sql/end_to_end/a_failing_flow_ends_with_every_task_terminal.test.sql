begin;
select plan(6);
select pgflow_tests.reset_db();
select pgflow.create_flow('f', max_attempts => 2, base_delay => 0);
select pgflow.add_step('f', 'fetch');
select pgflow.add_step('f', 'parse', array['fetch'], step_type => 'map');
select pgflow.add_step('f', 'audit');
select pgflow.add_step('f', 'store', array['parse', 'audit']);
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset

select count(*) from pgflow_tests.read_and_start('f', 5, 10);
select count(*) from pgflow.complete_task(:'run_id', 'fetch', 0, '["a", "b", "c"]'::jsonb);
create temp table w on commit drop as select * from pgflow_tests.read_and_start('f', 5, 10);
select is((select count(*)::int from w where step_slug = 'parse'), 3, 'three parse tasks started');

-- parse[1] fails twice: the second failure exhausts it
select count(*) from pgflow.fail_task(:'run_id', 'parse', 1, 'bad row');
select count(*) from pgflow_tests.read_and_start('f', 5, 10);
select count(*) from pgflow.complete_task(:'run_id', 'parse', 0, '"A"'::jsonb);
select count(*) from pgflow.fail_task(:'run_id', 'parse', 1, 'bad row again');

select is(
  (select row(status, failed_at is not null, completed_at)::text from pgflow.runs where run_id = :'run_id'),
  row('failed', true, null::timestamptz)::text,
  'the run failed'
);
select is(
  (select array_agg(row(step_slug, task_index, status)::text order by step_slug, task_index) from pgflow.step_tasks
    where run_id = :'run_id'),
  array[row('audit', 0, 'cancelled')::text, row('fetch', 0, 'completed')::text, row('parse', 0, 'completed')::text,
        row('parse', 1, 'failed')::text, row('parse', 2, 'cancelled')::text],
  'defect 7: no task is left queued or started'
);
select is((select count(*)::int from pgmq.q_f), 0, 'the queue is empty');
select is(
  (select error_message from pgflow.step_states where run_id = :'run_id' and step_slug = 'parse'),
  'bad row again',
  'the step keeps the last error'
);
-- late callbacks of the cancelled tasks change nothing
select count(*) from pgflow.complete_task(:'run_id', 'parse', 2, '"C"'::jsonb);
select count(*) from pgflow.complete_task(:'run_id', 'audit', 0, '"ok"'::jsonb);
select is(
  (select array_agg(status order by step_slug, task_index) from pgflow.step_tasks where run_id = :'run_id' and status = 'cancelled'),
  array['cancelled', 'cancelled'],
  'late completions leave the cancelled tasks cancelled'
);

select * from finish();
rollback;
