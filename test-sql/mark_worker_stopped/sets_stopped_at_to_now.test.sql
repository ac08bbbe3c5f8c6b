begin;
select plan(3);

insert into pgflow.workers (worker_id, queue_name, function_name)
values ('aaaaaaaa-0000-0000-0000-000000000001', 'q', 'fn'),
       ('aaaaaaaa-0000-0000-0000-000000000002', 'q', 'fn');

select pgflow.mark_worker_stopped(worker_id => 'aaaaaaaa-0000-0000-0000-000000000001');

select ok(
  (select stopped_at >= now() and stopped_at <= clock_timestamp()
     from pgflow.workers where worker_id = 'aaaaaaaa-0000-0000-0000-000000000001'),
  'stopped_at is set to the wall-clock time of the call'
);
select is(
  (select stopped_at from pgflow.workers where worker_id = 'aaaaaaaa-0000-0000-0000-000000000002'),
  null::timestamptz,
  'other workers are not stopped'
);
select is(
  obj_description('pgflow.mark_worker_stopped(uuid)'::regprocedure, 'pg_proc'),
  'Marks a worker as stopped for graceful shutdown. Called by workers on beforeunload.',
  'the function comment matches pgflow'
);

select finish();
rollback;
