-- Push dispatch (ours, additive): a task enqueued while a worker of its queue waits idle is
-- started for that worker by the enqueuing transaction and handed to it in a notification, so
-- its handler starts without a claim round trip after the insert notification.
--
--   worker:   claim finds nothing → pgflow.wait_for_task(worker, queue, ttl) → LISTEN-wait
--   producer: start_ready_steps, when a worker of the queue waits, notes the new tasks (one per
--             waiting worker) in pgflow.push_candidates; at commit (a deferred trigger: by
--             then a delayed start has hidden the message, and nothing is locked before) each
--             candidate still visible takes the longest-waiting worker (SKIP LOCKED), is started
--             for it by the statement start_tasks runs (so it is a started task before any
--             handler sees it, and its message is hidden for its timeout + 2 s), recorded on the
--             waiting row and sent to the worker: NOTIFY "pgflow.worker.<worker_id>" with the
--             task record as JSON
--   worker:   runs the pushed record; on any other wake-up it calls pgflow.stop_waiting(worker),
--             which ends the wait and returns a record pushed meanwhile (a notification lost on
--             a dropped connection, or one too large to send), so nothing pushed is lost.
--
-- A waiting row takes one task, then stays consumed until the worker waits again. It expires
-- (ttl): a worker that died while waiting is not pushed to after that; a task pushed to it before
-- is recovered like any task of a crashed worker (requeue_stalled_tasks). pgflow's own workers
-- never wait here, so they only ever see tasks nobody was waiting for.
create table if not exists pgflow.waiting_workers (
  worker_id uuid not null,
  queue_name text not null,
  waiting_since timestamptz not null default clock_timestamp(),
  expires_at timestamptz not null,
  -- The task record pushed to the worker; null while the worker still waits.
  pushed_task jsonb,
  constraint waiting_workers_pkey primary key (worker_id),
  constraint waiting_workers_worker_id_fkey foreign key (worker_id)
    references pgflow.workers (worker_id) on delete cascade
);
create index if not exists idx_waiting_workers_waiting on pgflow.waiting_workers (queue_name, waiting_since)
  where pushed_task is null;
comment on table pgflow.waiting_workers is
  'Idle workers waiting for a pushed task (pgflow-ts push dispatch); see pgflow.wait_for_task';

-- The worker waits (again). Returns the task pushed during its previous wait when that wait was
-- never ended with stop_waiting (the worker may not have heard of it: it runs it unless it has).
create or replace function pgflow.wait_for_task(worker_id uuid, queue_name text, ttl_ms integer)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_previous jsonb;
begin
  -- A wait lost in a crash only means no push: the commit need not wait for the WAL flush.
  perform pg_catalog.set_config('synchronous_commit', 'off', true);
  select w.pushed_task into v_previous
    from pgflow.waiting_workers as w
   where w.worker_id = wait_for_task.worker_id
     for update;
  insert into pgflow.waiting_workers as w (worker_id, queue_name, expires_at)
  values (wait_for_task.worker_id, wait_for_task.queue_name,
          clock_timestamp() + make_interval(secs => wait_for_task.ttl_ms / 1000.0))
  on conflict on constraint waiting_workers_pkey do update
     set queue_name = excluded.queue_name,
         waiting_since = clock_timestamp(),
         expires_at = excluded.expires_at,
         pushed_task = null;
  return v_previous;
end;
$$;

-- Ends the worker's wait. Returns the task pushed to it during that wait (null when none): a
-- push that commits while this runs is waited for, so a task is either returned here or was
-- never pushed.
create or replace function pgflow.stop_waiting(worker_id uuid)
returns jsonb
language sql
volatile
set search_path = ''
as $$
  delete from pgflow.waiting_workers as w
   where w.worker_id = stop_waiting.worker_id
  returning w.pushed_task;
$$;

-- Tasks to offer to waiting workers when the transaction that created them commits. A row is
-- inserted only to queue its deferred trigger and deleted at once (the trigger still gets it at
-- commit), so the table is always empty and unlogged. The spec tables get no trigger
-- (pgflow-sql.md §11): start_ready_steps writes here instead.
create unlogged table if not exists pgflow.push_candidates (
  flow_slug text not null,
  message_id bigint not null
);
comment on table pgflow.push_candidates is
  'New tasks offered to waiting workers at commit (pgflow-ts push dispatch); always empty';

-- Called by start_ready_steps for a step it just started: notes as many of its tasks as workers
-- wait on the queue. Without a waiting worker (a busy fleet, pgflow's own workers) it is one
-- index probe and writes nothing; a role that may not see these tables is not offered to.
create or replace function pgflow._offer_tasks(p_flow_slug text, p_run_id uuid, p_step_slug text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_waiting integer;
  v_msgs bigint[];
begin
  if not pg_catalog.has_table_privilege('pgflow.waiting_workers', 'SELECT')
     or not pg_catalog.has_table_privilege('pgflow.push_candidates', 'SELECT, INSERT, DELETE') then
    return;
  end if;
  select count(*) into v_waiting
    from pgflow.waiting_workers as w
   where w.queue_name = p_flow_slug and w.pushed_task is null and w.expires_at > clock_timestamp();
  if v_waiting = 0 then
    return;
  end if;
  v_msgs := array(
    select t.message_id from pgflow.step_tasks as t
     where t.run_id = p_run_id and t.step_slug = p_step_slug and t.status = 'queued'
     order by t.task_index
     limit v_waiting);
  insert into pgflow.push_candidates (flow_slug, message_id)
  select p_flow_slug, m.id from unnest(v_msgs) as m(id);
  delete from pgflow.push_candidates as c
   where c.flow_slug = p_flow_slug and c.message_id = any (v_msgs);
end;
$$;

-- Deferred to commit: by then the transaction has set everything it will (a delayed start hides
-- the message, a failed run cancels the task), and the waiting row is locked only while the
-- transaction commits. It runs as the transaction's user at commit, who may lack the privileges
-- a push needs (a client role that started the run through start_flow_with_states, a SET ROLE):
-- then it pushes nothing, and the commit goes through.
create or replace function pgflow._push_task()
returns trigger
language plpgsql
volatile
set search_path = ''
-- As claim_tasks: the prepared statement keeps one generic plan (a custom plan costs more to
-- make than to run). Not enable_seqscan = off: a plan that must still scan a table then costs
-- enough to be JIT-compiled (measured: 30 ms per push when this trigger scanned push_candidates).
set plan_cache_mode = force_generic_plan
as $$
declare
  v_worker uuid;
  v_row record;
  v_task jsonb;
  v_visible boolean;
begin
  select w.worker_id into v_worker
    from pgflow.waiting_workers as w
   where w.queue_name = new.flow_slug
     and w.pushed_task is null
     and w.expires_at > clock_timestamp()
   order by w.waiting_since
   limit 1
     for update skip locked;
  if v_worker is null then
    return null;
  end if;
  -- Only a message anyone could read now: not delayed, not hidden by a read or a retry.
  execute format('select true from pgmq.%I as q where q.msg_id = $1 and q.vt <= clock_timestamp()',
                 pgmq.format_table_name(new.flow_slug, 'q'))
     into v_visible
    using new.message_id;
  if v_visible is null then
    return null;
  end if;
  -- start_tasks' statement: starts the task only if it is queued and its run and step are started.
  for v_row in execute format('execute %I(%L, null, %L, %L)',
                              pgflow._prepared_start_tasks(new.flow_slug, false),
                              array[new.message_id], new.flow_slug, v_worker)
  loop
    v_task := jsonb_build_object(
      'flow_slug', v_row.flow_slug, 'run_id', v_row.run_id, 'step_slug', v_row.step_slug,
      'input', v_row.input, 'msg_id', v_row.msg_id, 'task_index', v_row.task_index,
      'flow_input', v_row.flow_input, 'attempts_count', v_row.attempts_count,
      'read_ct', v_row.read_ct, 'enqueued_at', v_row.enqueued_at::text, 'vt', v_row.vt::text,
      'message', v_row.message, 'headers', v_row.headers);
  end loop;
  if v_task is null then
    return null;
  end if;
  update pgflow.waiting_workers as w set pushed_task = v_task where w.worker_id = v_worker;
  -- NOTIFY payloads stop short of 8000 bytes: a larger task is fetched with stop_waiting.
  perform pg_notify('pgflow.worker.' || v_worker,
                    case when octet_length(v_task::text) < 7900 then v_task::text
                         else jsonb_build_object('msg_id', v_row.msg_id, 'fetch', true)::text end);
  return null;
exception
  when insufficient_privilege then
    return null;
end;
$$;

drop trigger if exists push_task on pgflow.push_candidates;
create constraint trigger push_task
  after insert on pgflow.push_candidates
  deferrable initially deferred
  for each row execute function pgflow._push_task();
