-- Recovery of tasks whose worker died, within seconds instead of after the step timeout + 30 s.
--
-- requeue_stalled_tasks (pgflow's contract, kept for pgflow's own workers) waits until a started
-- task is older than its timeout + 30 s, because it cannot tell a dead worker from a slow task.
-- Our workers can: each one records a lease when it registers (pgflow.worker_leases: how late its
-- heartbeat may be before it counts as dead). A task is orphaned when its worker's heartbeat is
-- older than that lease, or its worker is marked stopped while the task is still started (a worker
-- stops only after its tasks ended); pgflow.requeue_orphaned_tasks(), which our workers run at
-- every heartbeat, requeues such tasks at once, on the same terms as requeue_stalled_tasks (the
-- requeue limit pgflow.max_requeues then fails them). A task whose worker heartbeats is never taken
-- over, however long it runs; workers without a lease (pgflow's own) are left to
-- requeue_stalled_tasks.

create table if not exists pgflow.worker_leases (
  worker_id uuid not null,
  lease_ms integer not null,
  constraint worker_leases_pkey primary key (worker_id),
  constraint worker_leases_worker_id_fkey foreign key (worker_id)
    references pgflow.workers (worker_id) on delete cascade,
  constraint lease_ms_is_positive check (lease_ms > 0)
);
comment on table pgflow.worker_leases is
  'How late each pgflow-ts worker''s heartbeat may be before its started tasks are taken over (pgflow.requeue_orphaned_tasks).';

-- Whether a worker is dead: it has a lease that ran out (its heartbeat is older than it) or it is
-- marked stopped. Asked per started task and per waiting worker, which are few, rather than by
-- listing every dead worker (worker rows of past deploys accumulate).
create or replace function pgflow._worker_is_dead(p_worker_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select from pgflow.worker_leases l
      join pgflow.workers w on w.worker_id = l.worker_id
     where l.worker_id = p_worker_id
       and (w.stopped_at is not null
            or w.last_heartbeat_at < clock_timestamp() - make_interval(secs => l.lease_ms / 1000.0)));
$$;

-- The started tasks of dead workers whose run and step are started: the same columns as
-- _stalled_tasks.
create or replace function pgflow._orphaned_tasks()
returns table (
  run_id uuid,
  step_slug text,
  task_index integer,
  requeued_count integer,
  max_attempts integer
)
language sql
stable
set search_path = ''
as $$
  select st.run_id, st.step_slug, st.task_index, st.requeued_count,
         coalesce(s.opt_max_attempts, f.opt_max_attempts)
    from pgflow.step_tasks st
    join pgflow.runs r on r.run_id = st.run_id
    join pgflow.step_states ss on ss.run_id = st.run_id and ss.step_slug = st.step_slug
    join pgflow.steps s on s.flow_slug = st.flow_slug and s.step_slug = st.step_slug
    join pgflow.flows f on f.flow_slug = st.flow_slug
   where st.status = 'started'
     and pgflow._worker_is_dead(st.last_worker_id)
     and st.permanently_stalled_at is null
     and r.status = 'started'
     and ss.status = 'started';
$$;

-- Records the lease of the given worker rows (a worker registers one row per queue).
create or replace function pgflow.set_worker_leases(worker_ids uuid[], lease_ms integer)
returns void
language sql
volatile
set search_path = ''
as $$
  insert into pgflow.worker_leases (worker_id, lease_ms)
  select w.worker_id, set_worker_leases.lease_ms
    from pgflow.workers w
   where w.worker_id = any (set_worker_leases.worker_ids)
  on conflict on constraint worker_leases_pkey do update set lease_ms = excluded.lease_ms;
$$;

-- Requeues the orphaned tasks at once, and fails those requeued too often, as
-- requeue_stalled_tasks does for stalled ones (pgflow._requeue_tasks). Returns how many it requeued.
-- Runs as its caller (a worker, owner of the pgflow objects): only the six functions of the
-- spec are SECURITY DEFINER.
create or replace function pgflow.requeue_orphaned_tasks()
returns integer
language plpgsql
volatile
set search_path = ''
as $$
begin
  -- A dead notify worker's wait would be pushed new tasks until it expired: end it first.
  delete from pgflow.waiting_workers ww where pgflow._worker_is_dead(ww.worker_id);
  return pgflow._requeue_tasks(true);
end;
$$;

comment on function pgflow.requeue_orphaned_tasks() is
  'Requeues at once the started tasks of pgflow-ts workers whose heartbeat is older than their '
  'lease (pgflow.worker_leases) or that are marked stopped, whose run and step are started, and '
  'makes their messages visible (and announces them to notify workers); ends those workers'' waits '
  'for pushed tasks. A task already requeued '
  'pgflow.max_requeues times fails instead. Returns the number of requeued tasks.';
