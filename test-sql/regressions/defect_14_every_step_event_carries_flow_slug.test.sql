begin;
select plan(2);
select pgflow_tests.reset_db();
-- defect 14: upstream's step:started, step:completed and step:failed have no flow_slug, and
-- neither has step:skipped from fail_task
select pgflow.create_flow('f', max_attempts => 1);
select pgflow.add_step('f', 'a', when_exhausted => 'skip');
select pgflow.add_step('f', 'cond', required_input_pattern => '{"go": true}');
select pgflow.add_step('f', 'cascade', required_input_pattern => '{"go": true}', when_unmet => 'skip-cascade');
select pgflow.add_step('f', 'child', array['cascade']);
select pgflow.add_step('f', 'm', step_type => 'map');
select pgflow.add_step('f', 'm2', array['m'], step_type => 'map');
select pgflow.add_step('f', 'ok');
select pgflow.add_step('f', 'bad');
-- [] feeds the root map (taskless) and satisfies no condition
select run_id from pgflow.start_flow('f', '[]'::jsonb) \gset
select count(*) from pgflow_tests.read_and_start('f', 1, 20);
select count(*) from pgflow.fail_task(:'run_id', 'a', 0, 'boom');
select count(*) from pgflow.complete_task(:'run_id', 'ok', 0, '"fine"'::jsonb);
select count(*) from pgflow.fail_task(:'run_id', 'bad', 0, 'boom');

select is(
  (select array_agg(distinct payload ->> 'event_type' order by payload ->> 'event_type') from realtime.messages
    where payload ->> 'event_type' like 'step:%'),
  array['step:completed', 'step:failed', 'step:skipped', 'step:started'],
  'all four step events were emitted'
);
select is(
  (select count(*)::int from realtime.messages
    where payload ->> 'event_type' like 'step:%' and payload ->> 'flow_slug' is distinct from 'f'),
  0,
  'every one of them carries flow_slug'
);

select * from finish();
rollback;
