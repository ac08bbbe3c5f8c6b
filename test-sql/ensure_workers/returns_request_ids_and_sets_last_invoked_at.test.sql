begin;
select plan(5);
select pgflow_tests.reset_db();
delete from net.http_request_queue;

select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);
insert into pgflow.worker_functions (function_name) values ('fn_a'), ('fn_b');
insert into pgflow.worker_functions (function_name, enabled) values ('fn_off', false);

create temporary table result as select * from pgflow.ensure_workers();

select is(
  (select count(*)::int from result where invoked),
  2,
  'one row per pinged function, with invoked = true'
);
select is(
  (select count(distinct request_id)::int from result),
  2,
  'request ids are unique'
);
select set_eq(
  $$ select request_id from result $$,
  $$ select id from net.http_request_queue $$,
  'the request ids are those returned by net.http_post'
);
select ok(
  (select bool_and(last_invoked_at >= now() and last_invoked_at <= clock_timestamp())
     from pgflow.worker_functions where function_name in ('fn_a', 'fn_b')),
  'last_invoked_at is set for pinged functions'
);
select is(
  (select last_invoked_at from pgflow.worker_functions where function_name = 'fn_off'),
  null::timestamptz,
  'last_invoked_at is not set for other functions'
);

select finish();
rollback;
