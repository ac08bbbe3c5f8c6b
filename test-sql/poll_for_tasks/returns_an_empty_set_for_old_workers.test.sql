begin;
select plan(3);

select is(
  (select count(*)::int from pgflow.poll_for_tasks('any_queue', 5, 10)),
  0,
  'poll_for_tasks returns no rows'
);
select is(
  (select count(*)::int from pgflow.poll_for_tasks(
    queue_name => 'any_queue', vt => 5, qty => 10, max_poll_seconds => 1, poll_interval_ms => 50
  )),
  0,
  'it accepts every parameter by name and still returns no rows'
);
select is(
  pg_get_function_result('pgflow.poll_for_tasks(text, integer, integer, integer, integer)'::regprocedure),
  'SETOF pgflow.step_task_record',
  'it returns setof pgflow.step_task_record'
);

select finish();
rollback;
