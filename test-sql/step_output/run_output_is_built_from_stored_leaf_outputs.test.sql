begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('two_roots_left_right');
select run_id from pgflow.start_flow('two_roots_left_right', '{}'::jsonb) \gset
select pgflow_tests.read_and_start('two_roots_left_right', 5, 10);
select pgflow.complete_task(:'run_id', 'connected_root', 0, '{"c": 1}'::jsonb);
select pgflow.complete_task(:'run_id', 'disconnected_root', 0, '{"d": 2}'::jsonb);
select pgflow_tests.read_and_start('two_roots_left_right', 5, 10);
select pgflow.complete_task(:'run_id', 'left', 0, '{"l": 3}'::jsonb);
select pgflow.complete_task(:'run_id', 'right', 0, '{"r": 4}'::jsonb);

select is(
  (select output from pgflow.runs),
  '{"disconnected_root": {"d": 2}, "left": {"l": 3}, "right": {"r": 4}}'::jsonb,
  'the run output maps each leaf step to its output'
);
select ok(not ((select output from pgflow.runs) ? 'connected_root'), 'non-leaf steps are left out');

select * from finish();
rollback;
