begin;
select plan(1);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'root');
select pgflow.add_step('f', 'leaf_done', array['root']);
select pgflow.add_step('f', 'leaf_null', array['root']);
select pgflow.add_step('f', 'leaf_skipped', array['root']);

select gen_random_uuid() as run_id \gset
insert into pgflow.runs (run_id, flow_slug, input, remaining_steps) values (:'run_id', 'f', '{}', 0);
insert into pgflow.step_states (flow_slug, run_id, step_slug, status, started_at, completed_at, remaining_tasks, initial_tasks, output)
values ('f', :'run_id', 'root', 'completed', now(), now(), 0, 1, '"inner"'),
       ('f', :'run_id', 'leaf_done', 'completed', now(), now(), 0, 1, '[1, 2]'),
       ('f', :'run_id', 'leaf_null', 'completed', now(), now(), 0, 1, null);
insert into pgflow.step_states (flow_slug, run_id, step_slug, status, skip_reason, skipped_at, initial_tasks)
values ('f', :'run_id', 'leaf_skipped', 'skipped', 'condition_unmet', now(), 1);

select pgflow.maybe_complete_run(:'run_id');
select is(
  (select output from pgflow.runs where run_id = :'run_id'),
  '{"leaf_done": [1, 2], "leaf_null": null}'::jsonb,
  'completed leaves are included (a NULL output as JSON null); inner and skipped steps are not'
);

select * from finish();
rollback;
