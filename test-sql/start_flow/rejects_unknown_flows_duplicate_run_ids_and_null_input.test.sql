begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

select throws_ok(
  $$ select * from pgflow.start_flow('no_such_flow', '{}'::jsonb) $$,
  '23503',
  'insert or update on table "runs" violates foreign key constraint "runs_flow_slug_fkey"',
  'an unknown flow violates runs_flow_slug_fkey'
);

select pgflow.start_flow('sequential', '{}'::jsonb, '33333333-3333-3333-3333-333333333333'::uuid);
select throws_ok(
  $$ select * from pgflow.start_flow('sequential', '{}'::jsonb, '33333333-3333-3333-3333-333333333333'::uuid) $$,
  '23505',
  'duplicate key value violates unique constraint "runs_pkey"',
  'a duplicate run_id violates runs_pkey'
);

select throws_ok(
  $$ select * from pgflow.start_flow('sequential', null) $$,
  '23502',
  null,
  'SQL NULL input without root maps violates NOT NULL on runs.input'
);

select is((select count(*)::int from pgflow.runs), 1, 'failed calls leave no run behind');

select * from finish();
rollback;
