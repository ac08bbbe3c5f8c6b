begin;
select plan(6);
select pgflow_tests.reset_db();
delete from net.http_request_queue;

select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);

-- Local mode ignores debounce and alive workers.
insert into pgflow.worker_functions (function_name, last_invoked_at)
values ('fn_recent', now()), ('fn_alive', null), ('fn_never', null);
insert into pgflow.worker_functions (function_name, enabled) values ('fn_disabled', false);
insert into pgflow.workers (worker_id, queue_name, function_name)
values ('cccccccc-0000-0000-0000-000000000001', 'q', 'fn_alive');

select is(
  (select array_agg(function_name order by function_name) from pgflow.ensure_workers()),
  array['fn_alive', 'fn_never', 'fn_recent'],
  'every enabled function is pinged, whatever its debounce and workers'
);
select is(
  (select array_agg(url order by url) from net.http_request_queue),
  array[
    'http://kong:8000/functions/v1/fn_alive',
    'http://kong:8000/functions/v1/fn_never',
    'http://kong:8000/functions/v1/fn_recent'
  ],
  'the local URL is http://kong:8000/functions/v1/<function_name>'
);
select is(
  (select count(*)::int from net.http_request_queue where headers = '{}'::jsonb),
  3,
  'local requests carry no headers (no Authorization, no Content-Type)'
);
select is(
  (select count(*)::int from net.http_request_queue where convert_from(body, 'UTF8')::jsonb = '{}'::jsonb),
  3,
  'the body is {}'
);
select is(
  (select count(*)::int from net.http_request_queue where method = 'POST'),
  3,
  'requests are POSTs'
);
select is(
  (select last_invoked_at from pgflow.worker_functions where function_name = 'fn_disabled'),
  null::timestamptz,
  'a disabled function is not pinged'
);

select finish();
rollback;
