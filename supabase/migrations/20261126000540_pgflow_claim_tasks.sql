-- claim_tasks: both phases of a worker poll in one call, for our workers (additive; pgflow's
-- workers keep calling pgmq.read_with_poll and start_tasks themselves, and both paths mix).
-- It reads up to p_qty visible messages and starts their tasks with the statement start_tasks
-- runs (pgflow._start_tasks_query), hiding each message for as long as its task may run (step
-- timeout + 2 s, what start_tasks sets), or for p_vt when its task cannot start. The result adds
-- what a worker needs besides the task record: the task's attempts_count (this attempt's number)
-- and the message columns.
-- Cost, because every poll pays it (bench/README.md): one statement, prepared once per session and
-- queue with a generic plan (a custom plan costs more to make than to run), whose lookups are by
-- key whatever the table statistics (enable_seqscan = off: see complete_tasks); and its commit does not wait for the WAL flush: a claim
-- lost in a crash leaves its task queued and its message visible, so the task is delivered
-- again, which at-least-once delivery allows (and a later synchronous commit, such as the task's
-- completion, flushes it anyway).
create or replace function pgflow.claim_tasks(p_flow_slug text, p_vt integer, p_qty integer, p_worker_id uuid)
returns table (
  flow_slug text,
  run_id uuid,
  step_slug text,
  input jsonb,
  msg_id bigint,
  task_index integer,
  flow_input jsonb,
  attempts_count integer,
  read_ct integer,
  enqueued_at timestamptz,
  vt timestamptz,
  message jsonb,
  headers jsonb
)
language plpgsql
volatile
set search_path = ''
set plan_cache_mode = force_generic_plan
set enable_seqscan = off
as $$
begin
  if p_qty is null or p_qty < 1 then
    return;
  end if;
  return query execute format('execute %I(%s, %s, %L, %L)', pgflow._prepared_start_tasks(p_flow_slug, true),
                              p_qty, p_vt, p_flow_slug, p_worker_id);
end;
$$;

-- ms_until_visible: milliseconds until the queue's next hidden message becomes visible (0 when one
-- is visible now, NULL when the queue is empty). Workers on insert notifications use it after an
-- empty poll: a delayed message or a retry (fail_task hides the message, nothing is inserted)
-- sends no notification, so they wake when it is due instead of at their slow fallback poll.
create or replace function pgflow.ms_until_visible(p_queue_name text)
returns bigint
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_next timestamptz;
begin
  execute format('select min(q.vt) from pgmq.%I as q', pgmq.format_table_name(p_queue_name, 'q'))
     into v_next;
  if v_next is null then
    return null;
  end if;
  return greatest(0, ceil(extract(epoch from v_next - clock_timestamp()) * 1000))::bigint;
end;
$$;
