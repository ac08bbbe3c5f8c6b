-- A pushed task must run once: if its worker never ended the wait it was pushed to (the
-- notification was lost and stop_waiting failed), renewing the wait returns it; the worker
-- drops it when it already has it. A record too large for a notification (the worker is told to
-- fetch it) is kept whole.
begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('big');
select pgflow.add_step('big', 'only');
select pgflow_tests.ensure_worker('big', '11111111-1111-1111-1111-111111111111');

select is(pgflow.wait_for_task('11111111-1111-1111-1111-111111111111', 'big', 10000), null,
  'a first wait returns nothing');
select pgflow.start_flow('big', jsonb_build_object('blob', repeat('x', 9000)));
set constraints all immediate;
select ok(
  (select octet_length(pushed_task::text) > 8000 from pgflow.waiting_workers),
  'a record too large for a notification is pushed all the same (the worker fetches it)'
);
select is(
  length(pgflow.wait_for_task('11111111-1111-1111-1111-111111111111', 'big', 10000) -> 'flow_input' ->> 'blob'),
  9000,
  'the next wait returns the whole record pushed to the previous one'
);
select is(
  (select pushed_task from pgflow.waiting_workers),
  null,
  'and waits anew'
);

select * from finish();
rollback;
