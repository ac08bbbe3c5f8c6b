-- Dead letters: messages of a flow's queue that are no task of a run (a body that is not a task
-- key, a key of no task, another message's key), which no worker can ever start. Our workers'
-- claim (pgflow.claim_tasks) reads them like any message and hides them for the read's vt; once
-- one has been read pgflow._poison_read_limit() times it is moved out of the queue into this
-- table, with the reason, so that it is not read again forever; the worker whose read moved it
-- emits `message:dead-lettered`. Query it:
--   select queue_name, msg_id, reason, message from pgflow.dead_letters order by id desc;

create table if not exists pgflow.dead_letters (
  id bigint generated always as identity,
  queue_name text not null,
  msg_id bigint not null,
  read_ct integer not null,
  enqueued_at timestamptz not null,
  message jsonb,
  headers jsonb,
  reason text not null,
  -- the worker whose read moved it here; it reports the dead letter in its telemetry
  worker_id uuid,
  dead_lettered_at timestamptz not null default now(),
  constraint dead_letters_pkey primary key (id)
);
create index if not exists idx_dead_letters_queue on pgflow.dead_letters (queue_name, dead_lettered_at);
create index if not exists idx_dead_letters_worker on pgflow.dead_letters (worker_id, id);
comment on table pgflow.dead_letters is
  'Messages moved out of a flow''s queue after pgflow._poison_read_limit() reads because they are no task of a run, with the reason.';

-- How many reads a message that is no task gets before it is dead-lettered: the setting
-- pgflow.poison_read_limit, 5 when unset or empty (a message hidden for the read's vt each time).
create or replace function pgflow._poison_read_limit()
returns integer
language sql
stable
set search_path = ''
as $$
  select pgflow._integer_setting('pgflow.poison_read_limit', 5, 1);
$$;

-- Why a message of a flow's queue is no task (its body as read).
create or replace function pgflow._not_a_task_reason(p_message jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when jsonb_typeof(p_message) is distinct from 'object'
      then 'not a task message: the body is ' || coalesce(jsonb_typeof(p_message), 'null') || ', not an object'
    when not coalesce(p_message ->> 'run_id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false)
      then 'not a task message: run_id is missing or not a uuid'
    when p_message ->> 'step_slug' is null
      then 'not a task message: step_slug is missing'
    when not coalesce(p_message ->> 'task_index' ~ '^[0-9]{1,9}$', false)
      then 'not a task message: task_index is missing or not a non-negative integer'
    else format('no task of this message: run %s, step %s, task %s has no task with this message id',
                p_message ->> 'run_id', p_message ->> 'step_slug', p_message ->> 'task_index')
  end;
$$;
