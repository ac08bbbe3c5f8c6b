-- Defect 14: flow_slug is in every step event (upstream has it only in some step:skipped events).
begin;
select plan(3);

select pgflow_tests.reset_db();
select pgflow.create_flow('slugs', max_attempts => 1);
select pgflow.add_step('slugs', 'a');
select pgflow.add_step('slugs', 'skipper', array['a'], when_exhausted => 'skip');
select pgflow.add_step('slugs', 'cond', array['a'], required_input_pattern => '{"a": "never"}'::jsonb);
select pgflow.add_step('slugs', 'empty', array['a'], step_type => 'map');
select pgflow.add_step('slugs', 'boom', array['skipper']);
select pgflow.add_step('slugs', 'casc', array['a'], required_input_pattern => '{"a": "never"}'::jsonb,
                       when_unmet => 'skip-cascade');
select pgflow.add_step('slugs', 'casc_child', array['casc']);
select run_id from pgflow.start_flow('slugs', '{}'::jsonb) \gset

select pgflow_tests.read_and_start('slugs', 5, 1);
select pgflow.complete_task(:'run_id', 'a', 0, '[]'::jsonb);
select pgflow_tests.read_and_start('slugs', 5, 10);
select pgflow.fail_task(:'run_id', 'skipper', 0, 'handler broke');
select pgflow_tests.read_and_start('slugs', 5, 10);
select pgflow.fail_task(:'run_id', 'boom', 0, 'final');

select is(
  (select array_agg(distinct payload ->> 'event_type' order by payload ->> 'event_type')
     from realtime.messages where payload ->> 'event_type' like 'step:%'),
  array['step:completed', 'step:failed', 'step:skipped', 'step:started'],
  'the run produced every kind of step event'
);
select is(
  (select array_agg(payload ->> 'step_slug' || ':' || (payload ->> 'skip_reason') order by payload ->> 'step_slug')
     from realtime.messages where payload ->> 'event_type' = 'step:skipped'),
  array['casc:condition_unmet', 'casc_child:dependency_skipped', 'cond:condition_unmet', 'skipper:handler_failed'],
  'step:skipped came from all three emitters'
);
select is(
  (select count(*)::int from realtime.messages
    where payload ->> 'event_type' like 'step:%' and payload ->> 'flow_slug' is distinct from 'slugs'),
  0,
  'every step event has flow_slug'
);

select * from finish();
rollback;
