begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('constraint_flow');
select pgflow.add_step('constraint_flow', 'producer');
select pgflow.add_step('constraint_flow', 'm', array['producer'], step_type => 'map');
select run_id from pgflow.start_flow('constraint_flow', '{}'::jsonb) \gset

select ok(
  exists(select 1 from pg_constraint
          where conrelid = 'pgflow.step_states'::regclass and conname = 'initial_tasks_known_when_started'),
  'the constraint initial_tasks_known_when_started exists'
);
select throws_ok(
  format($$ update pgflow.step_states set status = 'started', started_at = now(), remaining_tasks = 0
              where run_id = %L and step_slug = 'm' $$, :'run_id'),
  '23514',
  'new row for relation "step_states" violates check constraint "initial_tasks_known_when_started"',
  'a step cannot be started while initial_tasks is NULL'
);
select throws_ok(
  format($$ update pgflow.step_states set initial_tasks = -1 where run_id = %L and step_slug = 'm' $$, :'run_id'),
  '23514',
  'new row for relation "step_states" violates check constraint "step_states_initial_tasks_check"',
  'initial_tasks cannot be negative'
);

select * from finish();
rollback;
