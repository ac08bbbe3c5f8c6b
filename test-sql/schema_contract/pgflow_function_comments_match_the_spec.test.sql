-- pgflow-sql.md §8.18: the function comments the spec quotes. Two are given verbatim; for
-- ensure_workers and setup_requeue_stalled_tasks_cron the spec gives the first sentence ("...").
begin;
select plan(4);

select is(
  obj_description('pgflow.track_worker_function(text)'::regprocedure, 'pg_proc'),
  'Registers an edge function for monitoring. Called by workers on startup.',
  'track_worker_function comment is verbatim'
);

select is(
  obj_description('pgflow.mark_worker_stopped(uuid)'::regprocedure, 'pg_proc'),
  'Marks a worker as stopped for graceful shutdown. Called by workers on beforeunload.',
  'mark_worker_stopped comment is verbatim'
);

select ok(
  starts_with(obj_description('pgflow.ensure_workers()'::regprocedure, 'pg_proc'),
              'Ensures worker functions are running by pinging them via HTTP when needed.'),
  'ensure_workers comment starts with the spec sentence'
);

select ok(
  starts_with(obj_description('pgflow.setup_requeue_stalled_tasks_cron(text)'::regprocedure, 'pg_proc'),
              'Sets up cron job to automatically requeue stalled tasks.'),
  'setup_requeue_stalled_tasks_cron comment starts with the spec sentence'
);

select * from finish();
rollback;
