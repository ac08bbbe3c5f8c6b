-- claim_tasks: both phases of a worker poll in one call, for our workers (additive; pgflow's
-- workers keep calling pgmq.read_with_poll and start_tasks themselves, and both paths mix).
-- Phase 1 reads up to p_qty visible messages, phase 2 starts their tasks as start_tasks does
-- (the same internal functions) and hides each message for as long as its task may run (step
-- timeout + 2 s, what start_tasks sets), or for p_vt when its task cannot start. The result adds
-- what a worker needs besides the task record: the task's attempts_count (this attempt's number)
-- and the message columns.
-- Cost, because every poll pays it (bench/README.md): it is one statement, prepared once per
-- session and queue (its plan is kept, where EXECUTE format() would plan on every call; each call
-- checks pg_prepared_statements first, so this also works behind PgBouncer or Supavisor in
-- transaction mode, where each server connection prepares its own copy), and its
-- commit does not wait for the WAL flush: a claim lost in a crash leaves its task queued and its
-- message visible, so the task is delivered again, which at-least-once delivery allows (and a
-- later synchronous commit, such as the task's completion, flushes it anyway).
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
as $$
declare
  v_query text;
  v_statement text;
begin
  if p_qty is null or p_qty < 1 then
    return;
  end if;
  perform pg_catalog.set_config('synchronous_commit', 'off', true);

  v_query := format(
    'with picked as (
       select q.msg_id from pgmq.%1$I as q
        where q.vt <= clock_timestamp()
        order by q.msg_id
        limit $1
          for update skip locked
     ),
     started as (
       select * from pgflow._start_queued_tasks($3, array(select p.msg_id from picked as p), $4)
     ),
     hidden as (
       update pgmq.%1$I as q
          set vt = clock_timestamp() + make_interval(secs => coalesce(
                (select st.vt_offset from started as st where st.msg_id = q.msg_id), $2)),
              read_ct = q.read_ct + 1
        where q.msg_id = any (array(select p.msg_id from picked as p))
       returning q.msg_id, q.read_ct, q.enqueued_at, q.vt, q.message, q.headers
     )
     select t.flow_slug, t.run_id, t.step_slug, t.input, t.msg_id, t.task_index, t.flow_input,
            st.attempts_count, h.read_ct, h.enqueued_at, h.vt, h.message, h.headers
       from pgflow._task_records($3, array(select st2.msg_id from started as st2)) as t
       join started as st on st.msg_id = t.msg_id
       join hidden as h on h.msg_id = t.msg_id
      order by t.msg_id',
    pgmq.format_table_name(p_flow_slug, 'q'));
  -- Named after its text, so a session never runs a statement prepared for another queue or by
  -- an older version of this function.
  v_statement := 'pgflow_claim_tasks_' || md5(v_query);
  if not exists (select 1 from pg_catalog.pg_prepared_statements as ps where ps.name = v_statement) then
    execute format('prepare %I(integer, integer, text, uuid) as %s', v_statement, v_query);
  end if;

  return query execute format('execute %I(%s, %s, %L, %L)', v_statement, p_qty, p_vt, p_flow_slug, p_worker_id);
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
