begin;
select plan(2);
select pgflow_tests.reset_db();
delete from net.http_request_queue;

alter schema vault rename to vault_hidden_by_test;
insert into pgflow.worker_functions (function_name) values ('my_worker');

select set_config('app.settings.jwt_secret', 'a-production-secret', true);
select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'production mode without Vault has no credentials, so nothing is pinged'
);

select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);
select is(
  (select count(*)::int from pgflow.ensure_workers()),
  1,
  'local mode needs no Vault'
);

select finish();
rollback;
