begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots');
select run_id from pgflow.start_flow('two_roots', '{"run": "input"}'::jsonb) \gset

select pgflow_tests.read_and_start('two_roots', 5, 10);
select pgflow.complete_task(:'run_id', 'root_a', 0, '{"a": 1}'::jsonb);
select pgflow.complete_task(:'run_id', 'root_b', 0, '[1, 2]'::jsonb);

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('two_roots', 5, 10);

select is((select step_slug from started), 'last', 'the dependent step is started');
select is(
  (select input from started),
  '{"root_a": {"a": 1}, "root_b": [1, 2]}'::jsonb,
  'its input maps each dependency slug to its output (no run key)'
);
select is((select flow_input from started), null, 'a dependent single step gets no flow_input');
select ok(not ((select input from started) ? 'run'), 'the old "run" key is absent');

select * from finish();
rollback;
