begin;
select plan(3);
select pgflow_tests.reset_db();

select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);

-- Hide pg_net (the shim, or the real extension's schema) for this transaction only.
alter schema net rename to net_hidden_by_test;

select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'with nothing to ping, ensure_workers is a no-op without pg_net'
);

insert into pgflow.worker_functions (function_name) values ('my_worker');

select throws_ok(
  $$ select * from pgflow.ensure_workers() $$,
  '42883',
  'pgflow.ensure_workers(): pg_net is not installed in database "' || current_database()
    || '" (function net.http_post does not exist)',
  'with a function to ping, it raises an error naming pg_net'
);
select is(
  (select last_invoked_at from pgflow.worker_functions),
  null::timestamptz,
  'nothing is marked as invoked'
);

select finish();
rollback;
