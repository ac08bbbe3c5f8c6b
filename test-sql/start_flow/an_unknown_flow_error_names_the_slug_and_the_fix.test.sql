-- An unknown flow keeps upstream's FK error text and SQLSTATE, and its DETAIL names the slug and
-- says the flow is not compiled, its HINT how to compile it. No run row is left behind.
begin;
select plan(4);
select pgflow_tests.reset_db();

select throws_ok(
  $$ select * from pgflow.start_flow('no_such_flow', '{"n": 1}'::jsonb) $$,
  '23503',
  'insert or update on table "runs" violates foreign key constraint "runs_flow_slug_fkey"',
  'the message is upstream''s'
);
select is(
  pgflow_tests.error_of($$ select * from pgflow.start_flow('no_such_flow', '{"n": 1}'::jsonb) $$)
    - 'message' - 'sqlstate',
  jsonb_build_object(
    'detail', 'Flow "no_such_flow" does not exist: compile it first.',
    'hint', 'Create the flow before starting runs of it: a worker serving it compiles it at startup '
            '(pgflow.ensure_flow_compiled), or apply the migration written by `pgflow compile`.',
    'constraint', 'runs_flow_slug_fkey'),
  'the detail names the slug, the hint the fix, and the constraint is named'
);
select is(
  pgflow_tests.error_of($$ select * from pgflow.enqueue_job('no_such_job', '{}'::jsonb, 5) $$) ->> 'detail',
  'Flow "no_such_job" does not exist: compile it first.',
  'enqueue_job passes the same error through'
);
select is((select count(*)::int from pgflow.runs), 0, 'no run row is left');

select * from finish();
rollback;
