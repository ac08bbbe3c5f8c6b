begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('map_flow');
select pgflow.add_step('map_flow', 'm', step_type => 'map');

select throws_ok(
  $$ select pgflow.start_flow_with_states('map_flow', '{"not": "array"}'::jsonb) $$,
  'P0001',
  'Flow map_flow has root map steps but input is not an array (got object)',
  'a start_flow error propagates unchanged'
);
select throws_ok(
  $$ select pgflow.start_flow_with_states('no_such_flow', '{}'::jsonb) $$,
  '23503',
  'insert or update on table "runs" violates foreign key constraint "runs_flow_slug_fkey"',
  'an unknown flow raises the FK error'
);

select * from finish();
rollback;
