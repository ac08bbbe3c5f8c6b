-- claim_tasks: both phases of a worker poll in one call, for our workers (additive; pgflow's
-- workers keep calling pgmq.read_with_poll and start_tasks themselves, and both paths mix).
-- Phase 1 reads up to p_qty messages (hidden for p_vt seconds), phase 2 is pgflow.start_tasks
-- on their ids; the result adds what a worker needs besides the task record: the task's
-- attempts_count (this attempt's number) and the message columns. One round trip and one commit
-- per poll instead of three.
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
as $$
declare
  v_messages pgmq.message_record[];
  v_tasks pgflow.step_task_record[];
begin
  select array_agg(m) into v_messages
    from pgmq.read(queue_name => p_flow_slug, vt => p_vt, qty => p_qty) as m;
  if v_messages is null then
    return;
  end if;

  select array_agg(t) into v_tasks
    from pgflow.start_tasks(p_flow_slug, array(select (m).msg_id from unnest(v_messages) as m), p_worker_id) as t;
  if v_tasks is null then
    return;
  end if;

  -- A separate statement, so that it sees start_tasks' update of attempts_count.
  return query
  select t.flow_slug, t.run_id, t.step_slug, t.input, t.msg_id, t.task_index, t.flow_input,
         st.attempts_count, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers
    from unnest(v_tasks) as t
    join unnest(v_messages) as m on m.msg_id = t.msg_id
    join pgflow.step_tasks as st
      on st.run_id = t.run_id and st.step_slug = t.step_slug and st.task_index = t.task_index
   order by t.msg_id;
end;
$$;
