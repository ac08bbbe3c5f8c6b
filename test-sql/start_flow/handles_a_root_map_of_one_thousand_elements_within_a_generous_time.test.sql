-- Upstream pins < 150 ms; here only a generous limit (shared CPUs), plus correctness.
begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('thousand');
select pgflow.add_step('thousand', 'm', step_type => 'map');

select clock_timestamp() as t0 \gset
select pgflow.start_flow('thousand', (select jsonb_agg(i) from generate_series(1, 1000) as i));
select ok(
  clock_timestamp() - :'t0'::timestamptz < interval '15 seconds',
  'starting a 1 000-element map takes well under 15 s'
);
select is((select count(*)::int from pgflow.step_tasks), 1000, '1 000 tasks exist');

select * from finish();
rollback;
