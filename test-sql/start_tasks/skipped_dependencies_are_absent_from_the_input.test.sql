begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow.create_flow('skip_input');
select pgflow.add_step('skip_input', 'kept');
select pgflow.add_step('skip_input', 'dropped', required_input_pattern => '{"run_dropped": true}'::jsonb);
select pgflow.add_step('skip_input', 'last', array['kept', 'dropped']);
select run_id from pgflow.start_flow('skip_input', '{"run_dropped": false}'::jsonb) \gset

select pgflow_tests.read_and_start('skip_input', 5, 1);
select pgflow.complete_task(:'run_id', 'kept', 0, '"k"'::jsonb);

create temp table started on commit drop as
  select * from pgflow_tests.read_and_start('skip_input', 5, 1);

select is((select step_slug from started), 'last', 'the dependent step starts after one dep completed and one was skipped');
select is((select input from started), '{"kept": "k"}'::jsonb, 'the skipped dependency is absent (not null)');

select * from finish();
rollback;
