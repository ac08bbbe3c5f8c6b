begin;
select plan(1);
select pgflow_tests.reset_db();

select throws_ok(
  $$select pgflow._cascade_force_skip_steps('00000000-0000-0000-0000-000000000001'::uuid, 'a', 'condition_unmet')$$,
  'P0001',
  'Run not found: 00000000-0000-0000-0000-000000000001',
  'an unknown run raises Run not found'
);

select * from finish();
rollback;
