begin;
select plan(2);
select pgflow_tests.reset_db();
delete from net.http_request_queue;
delete from vault.secrets
 where name in ('pgflow_auth_secret', 'supabase_service_role_key', 'supabase_project_id');

select set_config('app.settings.jwt_secret', 'a-production-secret', true);
select vault.create_secret('service-key', 'supabase_service_role_key');
select vault.create_secret('myproject', 'supabase_project_id');

insert into pgflow.worker_functions (function_name)
values ('fn_alive'), ('fn_stopped'), ('fn_deprecated'), ('fn_stale'), ('fn_none');

insert into pgflow.workers (worker_id, queue_name, function_name, last_heartbeat_at, stopped_at, deprecated_at)
values
  ('dddddddd-0000-0000-0000-000000000001', 'q', 'fn_alive', now() - interval '2 seconds', null, null),
  ('dddddddd-0000-0000-0000-000000000002', 'q', 'fn_stopped', now(), now(), null),
  ('dddddddd-0000-0000-0000-000000000003', 'q', 'fn_deprecated', now(), null, now()),
  ('dddddddd-0000-0000-0000-000000000004', 'q', 'fn_stale', now() - interval '7 seconds', null, null);

select is(
  (select array_agg(function_name order by function_name) from pgflow.ensure_workers()),
  array['fn_deprecated', 'fn_none', 'fn_stale', 'fn_stopped'],
  'functions whose workers are stopped, deprecated or silent past the debounce are pinged'
);
select is(
  (select last_invoked_at from pgflow.worker_functions where function_name = 'fn_alive'),
  null::timestamptz,
  'a function with an alive worker (heartbeat within the debounce) is not pinged'
);

select finish();
rollback;
