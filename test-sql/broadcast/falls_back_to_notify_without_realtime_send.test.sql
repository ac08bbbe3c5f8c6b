-- Without Supabase's realtime.send the events go out with pg_notify; pgflow keeps working.
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('no_realtime', max_attempts => 1);
select pgflow.add_step('no_realtime', 'a');
select pgflow.add_step('no_realtime', 'b', array['a']);

alter function realtime.send(jsonb, text, text, boolean) rename to send_disabled;

select run_id from pgflow.start_flow('no_realtime', '{}'::jsonb) \gset
select is((select status from pgflow.step_states where step_slug = 'a'), 'started', 'the run starts');

select pgflow_tests.read_and_start('no_realtime', 5, 1);
select lives_ok(
  format($$ select pgflow.complete_task(%L, 'a', 0, '{"ok": true}') $$, :'run_id'),
  'completing a task works'
);
select pgflow_tests.read_and_start('no_realtime', 5, 1);
select lives_ok(
  format($$ select pgflow.fail_task(%L, 'b', 0, 'boom') $$, :'run_id'),
  'failing a task works'
);
select is((select count(*)::int from realtime.messages), 0, 'nothing is written to realtime.messages');

select * from finish();
rollback;
