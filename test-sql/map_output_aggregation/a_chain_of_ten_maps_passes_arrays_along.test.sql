begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('chain');
select pgflow.add_step('chain', 'm1', step_type => 'map');
do $$
begin
  for i in 2..10 loop
    perform pgflow.add_step('chain', 'm' || i, array['m' || (i - 1)], step_type => 'map');
  end loop;
end;
$$;
select run_id from pgflow.start_flow('chain', '[0, 10, 20]'::jsonb) \gset

-- Every map adds 1 to each element.
do $$
begin
  for i in 1..10 loop
    perform pgflow.complete_task(t.run_id, t.step_slug, t.task_index, to_jsonb(t.input::int + 1))
       from pgflow_tests.read_and_start('chain', 5, 10) as t;
  end loop;
end;
$$;

select is((select output from pgflow.step_states where step_slug = 'm10'), '[10, 20, 30]'::jsonb,
  'after ten maps every element was incremented ten times, in order');
select is((select status from pgflow.runs), 'completed', 'the run completes');

select * from finish();
rollback;
