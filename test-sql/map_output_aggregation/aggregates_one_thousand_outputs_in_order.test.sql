-- A larger map: correctness only, no time limit.
begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('agg');
select pgflow.add_step('agg', 'm', step_type => 'map');
select pgflow.add_step('agg', 'after', array['m']);
select run_id from pgflow.start_flow('agg', (select jsonb_agg(i) from generate_series(0, 999) as i)) \gset
select pgflow_tests.read_and_start('agg', 5, 1000);

select pgflow.complete_task(:'run_id', 'm', i, to_jsonb(i * 2))
  from generate_series(999, 0, -1) as i;

select is(
  (select output from pgflow.step_states where step_slug = 'm'),
  (select jsonb_agg(i * 2 order by i) from generate_series(0, 999) as i),
  '1 000 outputs are aggregated by task_index'
);
select is((select status from pgflow.step_states where step_slug = 'after'), 'started', 'the dependent starts once');
select is(
  (select input -> 'm' -> 999 from pgflow_tests.read_and_start('agg', 5, 1)),
  '1998'::jsonb,
  'the dependent input holds the whole array'
);

select * from finish();
rollback;
