begin;
select plan(2);

insert into pgflow.workers (worker_id, queue_name, function_name)
values ('aaaaaaaa-0000-0000-0000-000000000001', 'q', 'fn');

select lives_ok(
  $$ select pgflow.mark_worker_stopped('bbbbbbbb-0000-0000-0000-000000000009') $$,
  'an unknown worker id does not raise'
);
select is(
  (select count(*)::int from pgflow.workers where stopped_at is not null),
  0,
  'no worker is stopped'
);

select finish();
rollback;
