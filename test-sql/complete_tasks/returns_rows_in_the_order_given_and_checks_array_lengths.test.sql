begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('j');
select pgflow.add_step('j', 'only');
select run_id as r1 from pgflow.start_flow('j', '{}'::jsonb) \gset
select run_id as r2 from pgflow.start_flow('j', '{}'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('j', 30, 2);

select is(
  (select array_agg(c.run_id) from pgflow.complete_tasks(
     array[greatest(:'r1'::uuid, :'r2'::uuid), least(:'r1'::uuid, :'r2'::uuid)], array['only', 'only'], array[0, 0],
     array['1'::jsonb, '2'::jsonb]) as c),
  array[greatest(:'r1'::uuid, :'r2'::uuid), least(:'r1'::uuid, :'r2'::uuid)],
  'rows come back in the order given, not in run_id order'
);
select is(
  (select count(*)::integer from pgflow.complete_tasks(array[]::uuid[], array[]::text[], array[]::integer[], array[]::jsonb[])),
  0,
  'an empty batch returns nothing'
);
select is(
  (select count(*)::integer from pgflow.complete_tasks(null, null, null, null)),
  0,
  'so does a null one'
);
select throws_ok(
  $$ select * from pgflow.complete_tasks(array[gen_random_uuid()], array['only', 'only'], array[0], array['1'::jsonb]) $$,
  'P0001',
  'complete_tasks(): run_ids, step_slugs, task_indexes and outputs must have the same length',
  'arrays of different lengths are refused'
);

select * from finish();
rollback;
