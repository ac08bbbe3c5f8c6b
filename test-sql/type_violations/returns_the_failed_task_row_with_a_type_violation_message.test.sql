begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('tv_row');
select pgflow.add_step('tv_row', 'producer');
select pgflow.add_step('tv_row', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('tv_row', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('tv_row', 5, 1);

create temp table res on commit drop as
  select * from pgflow.complete_task(:'run_id', 'producer', 0, '"a string"'::jsonb);

select is((select count(*)::int from res), 1, 'one row is returned');
select is((select status from res), 'failed', 'the returned task is failed');
select matches((select error_message from res), '^\[TYPE_VIOLATION\]', 'its error starts with [TYPE_VIOLATION]');
select ok(
  (select output = '"a string"'::jsonb and failed_at = now() and completed_at is null from res),
  'it keeps the offending output and gets failed_at'
);

select * from finish();
rollback;
