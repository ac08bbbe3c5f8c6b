begin;
select plan(7);
select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select pgflow_tests.ensure_worker('sequential');
select pgflow.start_flow('sequential', '{}'::jsonb);
select pgflow.start_flow('sequential', '{}'::jsonb);
select pgflow.start_flow('sequential', '{}'::jsonb);

select is(
  (select count(*)::integer from pgflow.claim_tasks('sequential', 5, 1, '11111111-1111-1111-1111-111111111111')),
  1,
  'the first call claims'
);
select is(
  (select count(*)::integer from pgflow.claim_tasks('sequential', 5, 1, '11111111-1111-1111-1111-111111111111')),
  1,
  'and so does the second'
);
select is(
  (select count(*)::integer from pg_prepared_statements where name like 'pgflow_claim_tasks_%'),
  1,
  'both used one statement prepared for this queue in this session'
);
select pgflow_tests.setup_flow('sequential_other');
select pgflow.start_flow('other', '{}'::jsonb);
select is(
  (select count(*)::integer from pgflow.claim_tasks('other', 5, 1, '11111111-1111-1111-1111-111111111111')
    where flow_slug = 'other'),
  1,
  'another queue claims its own task, with a statement of its own'
);
select is(
  (select count(*)::integer from pg_prepared_statements where name like 'pgflow_claim_tasks_%'),
  2,
  'one statement per queue'
);
select is(
  current_setting('synchronous_commit'),
  'off',
  'the claiming transaction commits without waiting for the WAL flush (a lost claim is redelivered)'
);
select is(
  (select count(*)::integer from pgflow.claim_tasks('sequential', 5, 0, '11111111-1111-1111-1111-111111111111')),
  0,
  'a quantity of 0 claims nothing'
);

select * from finish();
rollback;
