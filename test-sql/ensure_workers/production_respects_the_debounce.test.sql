begin;
select plan(4);
select pgflow_tests.reset_db();
delete from net.http_request_queue;
delete from vault.secrets
 where name in ('pgflow_auth_secret', 'supabase_service_role_key', 'supabase_project_id');

select set_config('app.settings.jwt_secret', 'a-production-secret', true);
select vault.create_secret('service-key', 'supabase_service_role_key');
select vault.create_secret('myproject', 'supabase_project_id');

insert into pgflow.worker_functions (function_name, debounce, last_invoked_at) values
  ('never_invoked', '6 seconds', null),
  ('invoked_3s_ago', '6 seconds', now() - interval '3 seconds'),
  ('invoked_10s_ago', '6 seconds', now() - interval '10 seconds'),
  ('long_debounce_10s_ago', '30 seconds', now() - interval '10 seconds'),
  ('short_debounce_2s_ago', '1 second', now() - interval '2 seconds');

select is(
  (select array_agg(function_name order by function_name) from pgflow.ensure_workers()),
  array['invoked_10s_ago', 'never_invoked', 'short_debounce_2s_ago'],
  'only functions past their own debounce (or never invoked) are pinged'
);
select is(
  (select last_invoked_at from pgflow.worker_functions where function_name = 'invoked_3s_ago'),
  now() - interval '3 seconds',
  'a debounced function keeps its last_invoked_at'
);
select is(
  (select count(*)::int from pgflow.ensure_workers()),
  0,
  'an immediate second call pings nothing: last_invoked_at was just set'
);
select is(
  (select count(*)::int from net.http_request_queue),
  3,
  'one request per pinged function'
);

select finish();
rollback;
