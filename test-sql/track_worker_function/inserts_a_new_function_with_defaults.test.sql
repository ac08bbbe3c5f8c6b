begin;
select plan(6);
select pgflow_tests.reset_db();

select pgflow.track_worker_function('my_worker');

select is(
  (select count(*)::int from pgflow.worker_functions where function_name = 'my_worker'),
  1,
  'a row is inserted for the function'
);
select is(
  (select enabled from pgflow.worker_functions where function_name = 'my_worker'),
  true,
  'the function is enabled'
);
select is(
  (select debounce from pgflow.worker_functions where function_name = 'my_worker'),
  interval '6 seconds',
  'the debounce is 6 seconds'
);
select is(
  (select last_invoked_at from pgflow.worker_functions where function_name = 'my_worker'),
  null::timestamptz,
  'last_invoked_at stays NULL (the function is not marked as invoked)'
);
select ok(
  (select created_at = now() and updated_at >= now() and updated_at <= clock_timestamp()
     from pgflow.worker_functions where function_name = 'my_worker'),
  'created_at is now() and updated_at is the wall-clock time of the call'
);
select is(
  obj_description('pgflow.track_worker_function(text)'::regprocedure, 'pg_proc'),
  'Registers an edge function for monitoring. Called by workers on startup.',
  'the function comment matches pgflow'
);

select finish();
rollback;
