begin;
select plan(1);

select pgflow_tests.reset_db();

select is(
  pgflow.get_run_with_states('00000000-0000-0000-0000-000000000000'::uuid),
  null,
  'an unknown run_id gives SQL NULL'
);

select * from finish();
rollback;
