-- pgflow schema: tables, the task record type and indexes.
-- Contract: pgflow 0.14.1 as installed by its migrations (column order included, so that
-- `select *` and `returns pgflow.<table>` see the same rows as on an upstream database).
-- Safe to apply twice: every object is created only when missing, and the stored settings row
-- is never overwritten.

create schema if not exists pgflow;

-- Settings of this database (ours, additive; owner-only, see the grants file). One so far:
--   realtime_private  'on' | 'off': whether Supabase Realtime broadcasts are private
--                     (pgflow._broadcast_all; a set session setting pgflow.realtime_private wins).
-- Its value is decided by the first install and kept by every later one (docs/security.md,
-- "Realtime broadcasts: private or public"):
--   * a new database gets 'on': private broadcasts (defect 17 fixed);
--   * a database that already had pgflow's own schema gets 'off': upstream's public broadcasts,
--     which its browser clients rely on (@pgflow/client subscribes to public channels).
-- "Already had pgflow's own schema": pgflow.flows exists but pgflow._broadcast(uuid, text, jsonb)
-- does not. Only we define _broadcast (runtime file; every release of ours has it), so a
-- database we installed before this row existed gets 'on', as it was private already. The
-- check runs here, before this file creates pgflow.flows, in the transaction that stores the
-- row: an install interrupted after this file keeps its row and so its decision.
create table if not exists pgflow.settings (
  name text not null,
  value text not null,
  constraint settings_pkey primary key (name),
  constraint realtime_private_is_on_or_off check (name <> 'realtime_private' or value in ('on', 'off'))
);
comment on table pgflow.settings is
  'pgflow-ts settings of this database (realtime_private: on/off); see docs/security.md';

insert into pgflow.settings (name, value)
select 'realtime_private',
       case when to_regclass('pgflow.flows') is not null
                 and to_regprocedure('pgflow._broadcast(uuid, text, jsonb)') is null
            then 'off' else 'on' end
on conflict on constraint settings_pkey do nothing;

-- is_valid_slug is needed by the CHECK constraints below, so it lives here.
create or replace function pgflow.is_valid_slug(slug text)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  return slug is not null
    and slug <> ''
    and length(slug) <= 128
    and slug ~ '^[a-zA-Z_][a-zA-Z0-9_]*$'
    and slug <> 'run';
end;
$$;

create table if not exists pgflow.flows (
  flow_slug text not null,
  opt_max_attempts int not null default 3,
  opt_base_delay int not null default 1,
  opt_timeout int not null default 60,
  created_at timestamptz not null default now(),
  constraint flows_pkey primary key (flow_slug),
  constraint slug_is_valid check (pgflow.is_valid_slug(flow_slug)),
  constraint opt_max_attempts_is_nonnegative check (opt_max_attempts >= 0),
  constraint opt_base_delay_is_nonnegative check (opt_base_delay >= 0),
  constraint opt_timeout_is_positive check (opt_timeout > 0)
);

create table if not exists pgflow.steps (
  flow_slug text not null,
  step_slug text not null,
  step_type text not null default 'single',
  step_index int not null default 0,
  deps_count int not null default 0,
  opt_max_attempts int,
  opt_base_delay int,
  opt_timeout int,
  created_at timestamptz not null default now(),
  opt_start_delay int,
  required_input_pattern jsonb,
  forbidden_input_pattern jsonb,
  when_unmet text not null default 'skip',
  when_exhausted text not null default 'fail',
  constraint steps_pkey primary key (flow_slug, step_slug),
  constraint steps_flow_slug_step_index_key unique (flow_slug, step_index),
  constraint steps_flow_slug_fkey foreign key (flow_slug) references pgflow.flows (flow_slug),
  constraint steps_step_slug_check check (pgflow.is_valid_slug(step_slug)),
  constraint steps_step_type_check check (step_type in ('single', 'map')),
  constraint steps_deps_count_check check (deps_count >= 0),
  constraint opt_max_attempts_is_nonnegative check (opt_max_attempts is null or opt_max_attempts >= 0),
  constraint opt_base_delay_is_nonnegative check (opt_base_delay is null or opt_base_delay >= 0),
  constraint opt_timeout_is_positive check (opt_timeout is null or opt_timeout > 0),
  constraint opt_start_delay_is_nonnegative check (opt_start_delay is null or opt_start_delay >= 0),
  constraint required_input_pattern_is_object check (
    required_input_pattern is null or jsonb_typeof(required_input_pattern) = 'object'
  ),
  constraint forbidden_input_pattern_is_object check (
    forbidden_input_pattern is null or jsonb_typeof(forbidden_input_pattern) = 'object'
  ),
  constraint when_unmet_is_valid check (when_unmet in ('fail', 'skip', 'skip-cascade')),
  constraint when_exhausted_is_valid check (when_exhausted in ('fail', 'skip', 'skip-cascade'))
);

create table if not exists pgflow.deps (
  flow_slug text not null,
  dep_slug text not null,
  step_slug text not null,
  created_at timestamptz not null default now(),
  constraint deps_pkey primary key (flow_slug, dep_slug, step_slug),
  constraint deps_flow_slug_fkey foreign key (flow_slug) references pgflow.flows (flow_slug),
  constraint deps_flow_slug_dep_slug_fkey foreign key (flow_slug, dep_slug)
    references pgflow.steps (flow_slug, step_slug),
  constraint deps_flow_slug_step_slug_fkey foreign key (flow_slug, step_slug)
    references pgflow.steps (flow_slug, step_slug),
  constraint deps_check check (dep_slug <> step_slug)
);
create index if not exists idx_deps_by_flow_step on pgflow.deps (flow_slug, step_slug);
create index if not exists idx_deps_by_flow_dep on pgflow.deps (flow_slug, dep_slug);

create table if not exists pgflow.runs (
  run_id uuid not null default gen_random_uuid(),
  flow_slug text not null,
  status text not null default 'started',
  input jsonb not null,
  output jsonb,
  remaining_steps int not null default 0,
  started_at timestamptz not null default now(),
  completed_at timestamptz,
  failed_at timestamptz,
  constraint runs_pkey primary key (run_id),
  constraint runs_flow_slug_fkey foreign key (flow_slug) references pgflow.flows (flow_slug),
  constraint status_is_valid check (status in ('started', 'failed', 'completed')),
  constraint runs_remaining_steps_check check (remaining_steps >= 0),
  constraint completed_at_or_failed_at check (not (completed_at is not null and failed_at is not null)),
  constraint completed_at_is_after_started_at check (completed_at is null or completed_at >= started_at),
  constraint failed_at_is_after_started_at check (failed_at is null or failed_at >= started_at)
);
create index if not exists idx_runs_flow_slug on pgflow.runs (flow_slug);
create index if not exists idx_runs_status on pgflow.runs (status);

create table if not exists pgflow.step_states (
  flow_slug text not null,
  run_id uuid not null,
  step_slug text not null,
  status text not null default 'created',
  remaining_tasks int,
  remaining_deps int not null default 0,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  completed_at timestamptz,
  failed_at timestamptz,
  error_message text,
  initial_tasks int,
  output jsonb,
  skip_reason text,
  skipped_at timestamptz,
  constraint step_states_pkey primary key (run_id, step_slug),
  constraint step_states_flow_slug_fkey foreign key (flow_slug) references pgflow.flows (flow_slug),
  constraint step_states_run_id_fkey foreign key (run_id) references pgflow.runs (run_id),
  constraint step_states_flow_slug_step_slug_fkey foreign key (flow_slug, step_slug)
    references pgflow.steps (flow_slug, step_slug),
  constraint status_is_valid check (status in ('created', 'started', 'completed', 'failed', 'skipped')),
  constraint step_states_remaining_deps_check check (remaining_deps >= 0),
  constraint step_states_initial_tasks_check check (initial_tasks is null or initial_tasks >= 0),
  constraint status_and_remaining_tasks_match check (status <> 'completed' or remaining_tasks = 0),
  constraint remaining_tasks_state_consistency check (
    remaining_tasks is null or status not in ('created', 'skipped')
  ),
  constraint initial_tasks_known_when_started check (status <> 'started' or initial_tasks is not null),
  constraint output_only_for_completed_or_null check (output is null or status = 'completed'),
  constraint skip_reason_matches_status check (
    (status = 'skipped' and skip_reason is not null) or (status <> 'skipped' and skip_reason is null)
  ),
  constraint completed_at_or_failed_at_or_skipped_at check (
    (case when completed_at is not null then 1 else 0 end
      + case when failed_at is not null then 1 else 0 end
      + case when skipped_at is not null then 1 else 0 end) <= 1
  ),
  constraint started_at_is_after_created_at check (started_at is null or started_at >= created_at),
  constraint completed_at_is_after_started_at check (completed_at is null or completed_at >= started_at),
  constraint failed_at_is_after_started_at check (failed_at is null or failed_at >= started_at),
  constraint skipped_at_is_after_created_at check (skipped_at is null or skipped_at >= created_at)
);
create index if not exists idx_step_states_ready on pgflow.step_states (run_id, status, remaining_deps)
  where status = 'created' and remaining_deps = 0;
create index if not exists idx_step_states_failed on pgflow.step_states (run_id, step_slug)
  where status = 'failed';
create index if not exists idx_step_states_skipped on pgflow.step_states (run_id, step_slug)
  where status = 'skipped';
create index if not exists idx_step_states_flow_slug on pgflow.step_states (flow_slug);
create index if not exists idx_step_states_run_id on pgflow.step_states (run_id);

create table if not exists pgflow.workers (
  worker_id uuid not null,
  queue_name text not null,
  function_name text not null,
  started_at timestamptz not null default now(),
  deprecated_at timestamptz,
  last_heartbeat_at timestamptz not null default now(),
  stopped_at timestamptz,
  constraint workers_pkey primary key (worker_id)
);
create index if not exists idx_workers_queue_name on pgflow.workers (queue_name);
create index if not exists idx_workers_heartbeat on pgflow.workers (last_heartbeat_at);

-- Task statuses 'cancelled' (its run failed) and 'skipped' (its step was skipped) are additive:
-- upstream 0.14.1 leaves such tasks queued/started forever (defect 7); later upstream releases
-- added the same two statuses.
create table if not exists pgflow.step_tasks (
  flow_slug text not null,
  run_id uuid not null,
  step_slug text not null,
  message_id bigint,
  task_index int not null default 0,
  status text not null default 'queued',
  attempts_count int not null default 0,
  error_message text,
  output jsonb,
  queued_at timestamptz not null default now(),
  completed_at timestamptz,
  failed_at timestamptz,
  started_at timestamptz,
  last_worker_id uuid,
  requeued_count int not null default 0,
  last_requeued_at timestamptz,
  permanently_stalled_at timestamptz,
  constraint step_tasks_pkey primary key (run_id, step_slug, task_index),
  constraint step_tasks_flow_slug_fkey foreign key (flow_slug) references pgflow.flows (flow_slug),
  constraint step_tasks_run_id_fkey foreign key (run_id) references pgflow.runs (run_id),
  constraint step_tasks_run_id_step_slug_fkey foreign key (run_id, step_slug)
    references pgflow.step_states (run_id, step_slug),
  constraint step_tasks_last_worker_id_fkey foreign key (last_worker_id)
    references pgflow.workers (worker_id) on delete set null,
  constraint valid_status check (
    status in ('queued', 'started', 'completed', 'failed', 'cancelled', 'skipped')
  ),
  constraint attempts_count_nonnegative check (attempts_count >= 0),
  constraint output_valid_only_for_completed check (output is null or status in ('completed', 'failed')),
  constraint completed_at_or_failed_at check (not (completed_at is not null and failed_at is not null)),
  constraint completed_at_is_after_queued_at check (completed_at is null or completed_at >= queued_at),
  constraint failed_at_is_after_queued_at check (failed_at is null or failed_at >= queued_at),
  constraint started_at_is_after_queued_at check (started_at is null or started_at >= queued_at),
  constraint completed_at_is_after_started_at check (
    completed_at is null or started_at is null or completed_at >= started_at
  ),
  constraint failed_at_is_after_started_at check (
    failed_at is null or started_at is null or failed_at >= started_at
  )
);

-- A step_tasks table made by pgflow 0.14.1's own migrations (create table if not exists keeps it)
-- allows only queued, started, completed and failed: widen it to the statuses our runtime writes
-- when a run fails or a step is skipped (defect 7), as upstream itself later did.
do $$
begin
  if not exists (
    select from pg_constraint c
     where c.conrelid = 'pgflow.step_tasks'::regclass and c.conname = 'valid_status'
       and pg_get_constraintdef(c.oid) like '%cancelled%skipped%'
  ) then
    alter table pgflow.step_tasks
      drop constraint if exists valid_status,
      add constraint valid_status check (
        status in ('queued', 'started', 'completed', 'failed', 'cancelled', 'skipped')
      );
  end if;
end;
$$;

create index if not exists idx_step_tasks_message_id on pgflow.step_tasks (message_id);
create index if not exists idx_step_tasks_queued on pgflow.step_tasks (run_id, step_slug)
  where status = 'queued';
create index if not exists idx_step_tasks_completed on pgflow.step_tasks (run_id, step_slug)
  where status = 'completed';
create index if not exists idx_step_tasks_failed on pgflow.step_tasks (run_id, step_slug)
  where status = 'failed';
create index if not exists idx_step_tasks_flow_run_step on pgflow.step_tasks (flow_slug, run_id, step_slug);
create index if not exists idx_step_tasks_started on pgflow.step_tasks (started_at)
  where status = 'started';
create index if not exists idx_step_tasks_queued_msg on pgflow.step_tasks (message_id)
  where status = 'queued';
create index if not exists idx_step_tasks_last_worker on pgflow.step_tasks (last_worker_id)
  where status = 'started';

create table if not exists pgflow.worker_functions (
  function_name text not null,
  enabled boolean not null default true,
  debounce interval not null default '6 seconds',
  last_invoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint worker_functions_pkey primary key (function_name),
  constraint worker_functions_debounce_check check (debounce >= '1 second'::interval)
);
comment on table pgflow.worker_functions is
  'Registry of edge functions that run pgflow workers, used by ensure_workers() cron';
comment on column pgflow.worker_functions.function_name is 'Name of the Supabase Edge Function';
comment on column pgflow.worker_functions.enabled is 'Whether ensure_workers() should ping this function';
comment on column pgflow.worker_functions.debounce is
  'Minimum interval between invocation attempts for this function';
comment on column pgflow.worker_functions.last_invoked_at is
  'When ensure_workers() last pinged this function (used for debouncing)';

do $$
begin
  if to_regtype('pgflow.step_task_record') is null then
    create type pgflow.step_task_record as (
      flow_slug text,
      run_id uuid,
      step_slug text,
      input jsonb,
      msg_id bigint,
      task_index int,
      flow_input jsonb
    );
  end if;
end;
$$;
