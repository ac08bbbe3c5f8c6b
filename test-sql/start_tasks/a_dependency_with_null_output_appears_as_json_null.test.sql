begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');
select run_id from pgflow.start_flow('sequential', '{}'::jsonb) \gset

select pgflow_tests.read_and_start('sequential', 5, 1);
select pgflow.complete_task(:'run_id', 'first', 0, null);

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('sequential', 5, 1);

select is((select input from started), '{"first": null}'::jsonb, 'a completed dependency with SQL NULL output is JSON null');
select ok((select input ? 'first' from started), 'the key is present');

select * from finish();
rollback;
