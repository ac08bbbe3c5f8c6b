-- A step of an unknown flow keeps upstream's FK text and SQLSTATE; DETAIL names the flow and the
-- step, HINT the fix. Nothing is written.
begin;
select plan(2);
select pgflow_tests.reset_db();

select is(
  pgflow_tests.error_of($$ select pgflow.add_step('missing_flow', 'step') $$),
  jsonb_build_object(
    'sqlstate', '23503',
    'message', 'insert or update on table "steps" violates foreign key constraint "steps_flow_slug_fkey"',
    'detail', 'Step "step" cannot be added to flow "missing_flow": the flow does not exist.',
    'hint', 'Create the flow first: select pgflow.create_flow(''missing_flow'');',
    'constraint', 'steps_flow_slug_fkey'),
  'the error names the flow and the step'
);
select is((select count(*)::int from pgflow.steps), 0, 'no step row is left');

select * from finish();
rollback;
