begin;
select plan(5);
select pgflow_tests.reset_db();
delete from net.http_request_queue;
delete from vault.secrets
 where name in ('pgflow_auth_secret', 'supabase_service_role_key', 'supabase_project_id');

select set_config('app.settings.jwt_secret', 'a-production-secret', true);
select vault.create_secret('service-key', 'supabase_service_role_key');
select vault.create_secret('pgflow-secret', 'pgflow_auth_secret');
select vault.create_secret('myproject', 'supabase_project_id');

insert into pgflow.worker_functions (function_name) values ('my_worker');

select is(
  (select count(*)::int from pgflow.ensure_workers()),
  1,
  'the function is pinged'
);
select is(
  (select url from net.http_request_queue),
  'https://myproject.supabase.co/functions/v1/my_worker',
  'the URL is built from the supabase_project_id secret'
);
select is(
  (select headers ->> 'Authorization' from net.http_request_queue),
  'Bearer pgflow-secret',
  'pgflow_auth_secret is preferred over supabase_service_role_key'
);
select is(
  (select headers ->> 'Content-Type' from net.http_request_queue),
  'application/json',
  'production requests are JSON'
);

-- An empty pgflow_auth_secret falls back to the service role key.
update vault.secrets set secret = '' where name = 'pgflow_auth_secret';
update pgflow.worker_functions set last_invoked_at = null;
delete from net.http_request_queue;
select pgflow.ensure_workers();
select is(
  (select headers ->> 'Authorization' from net.http_request_queue),
  'Bearer service-key',
  'an empty pgflow_auth_secret falls back to supabase_service_role_key'
);

select finish();
rollback;
