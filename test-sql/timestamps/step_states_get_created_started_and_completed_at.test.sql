begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select is(
  (select array_agg(row(step_slug, created_at = now(), started_at = now(), completed_at is null)::text order by step_slug)
     from pgflow.step_states where run_id = :'run_id'),
  array[row('first', true, true, true)::text, row('last', true, null, true)::text, row('second', true, null, true)::text],
  'all steps have created_at; only the started root has started_at'
);

select pgflow_tests.read_and_start('sequential', 5, 1);
select pgflow.complete_task(:'run_id', 'first', 0, '1'::jsonb);

select ok(
  (select completed_at = now() and completed_at >= started_at and started_at >= created_at
     from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  'the completed step has created_at <= started_at <= completed_at'
);
select ok(
  (select started_at = now() and completed_at is null
     from pgflow.step_states where run_id = :'run_id' and step_slug = 'second'),
  'the next step gets started_at when it starts'
);
select ok(
  (select failed_at is null and skipped_at is null from pgflow.step_states where run_id = :'run_id' and step_slug = 'first'),
  'a completed step has no failed_at or skipped_at'
);

select * from finish();
rollback;
