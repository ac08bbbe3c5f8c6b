begin;
select plan(5);
select pgflow_tests.reset_db();

insert into pgflow.worker_functions (function_name, enabled, debounce, last_invoked_at, created_at, updated_at)
values ('my_worker', false, interval '30 seconds', now() - interval '1 minute',
        now() - interval '1 hour', now() - interval '1 hour');

select pgflow.track_worker_function(function_name => 'my_worker');

select is(
  (select count(*)::int from pgflow.worker_functions),
  1,
  'no duplicate row'
);
select ok(
  (select updated_at > now() - interval '1 minute' from pgflow.worker_functions),
  'updated_at is bumped'
);
select is(
  (select row(enabled, debounce)::text from pgflow.worker_functions),
  row(false, interval '30 seconds')::text,
  'enabled and debounce are kept'
);
select is(
  (select last_invoked_at from pgflow.worker_functions),
  now() - interval '1 minute',
  'last_invoked_at is kept'
);
select is(
  (select created_at from pgflow.worker_functions),
  now() - interval '1 hour',
  'created_at is kept'
);

select finish();
rollback;
