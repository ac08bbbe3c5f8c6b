-- NOTIFY payloads must stay under 8000 bytes; large inputs, outputs and error messages must not
-- make pgflow raise.
begin;
select plan(4);

select pgflow_tests.reset_db();
select pgflow.create_flow('big_payloads', max_attempts => 1);
select pgflow.add_step('big_payloads', 'a');
select pgflow.add_step('big_payloads', 'b', array['a']);

alter function realtime.send(jsonb, text, text, boolean) rename to send_disabled;

select lives_ok(
  $$ select pgflow.start_flow('big_payloads', jsonb_build_object('blob', repeat('x', 20000)),
                              '77777777-7777-7777-7777-777777777777'::uuid) $$,
  'run:started with a 20 KB input does not raise'
);
select pgflow_tests.read_and_start('big_payloads', 5, 1);
select lives_ok(
  $$ select pgflow.complete_task('77777777-7777-7777-7777-777777777777', 'a', 0,
                                 jsonb_build_object('blob', repeat('y', 20000))) $$,
  'step:completed with a 20 KB output does not raise'
);
select pgflow_tests.read_and_start('big_payloads', 5, 1);
select lives_ok(
  $$ select pgflow.fail_task('77777777-7777-7777-7777-777777777777', 'b', 0, repeat('e', 20000)) $$,
  'step:failed and run:failed with a 20 KB error message do not raise'
);
select is(
  (select row(status, length(error_message))::text from pgflow.step_states where step_slug = 'b'),
  row('failed', 20000)::text,
  'the full error message is stored'
);

select * from finish();
rollback;
