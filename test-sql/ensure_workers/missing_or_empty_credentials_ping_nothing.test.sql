begin;
select plan(6);
select pgflow_tests.reset_db();
delete from net.http_request_queue;
delete from vault.secrets
 where name in ('pgflow_auth_secret', 'supabase_service_role_key', 'supabase_project_id');

select set_config('app.settings.jwt_secret', 'a-production-secret', true);
insert into pgflow.worker_functions (function_name) values ('my_worker');

select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'no secrets: nothing is pinged'
);

select vault.create_secret('myproject', 'supabase_project_id');
select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'a project id without a key: nothing is pinged'
);

select vault.create_secret('', 'supabase_service_role_key');
select vault.create_secret('', 'pgflow_auth_secret');
select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'empty keys: nothing is pinged'
);

update vault.secrets set secret = 'service-key' where name = 'supabase_service_role_key';
update vault.secrets set secret = '' where name = 'supabase_project_id';
select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'an empty project id: nothing is pinged'
);

select is(
  (select count(*)::int from net.http_request_queue),
  0,
  'no request was queued'
);
select is(
  (select last_invoked_at from pgflow.worker_functions),
  null::timestamptz,
  'last_invoked_at is unchanged'
);

select finish();
rollback;
