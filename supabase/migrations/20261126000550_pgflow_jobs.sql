-- Jobs: a job is a flow with one step (named `job`), marked in pgflow.jobs so that tools can tell
-- jobs from flows. Runs, retries, timeouts and events are the flow machinery's; this file only
-- adds the marker and a delayed start. Additive: no pgflow 0.14.1 object changes.

create table if not exists pgflow.jobs (
  flow_slug text not null,
  created_at timestamptz not null default now(),
  constraint jobs_pkey primary key (flow_slug),
  -- Cascade: delete_flow_and_data removes the flow, and with it the marker.
  constraint jobs_flow_slug_fkey foreign key (flow_slug) references pgflow.flows (flow_slug) on delete cascade
);
comment on table pgflow.jobs is 'Flows defined as jobs (one step named job); written by pgflow.mark_job';

-- Marks an existing flow as a job. Idempotent; compile output and workers call it.
create or replace function pgflow.mark_job(flow_slug text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  if not exists (select 1 from pgflow.flows as f where f.flow_slug = mark_job.flow_slug) then
    raise exception 'Cannot mark "%" as a job: no such flow. Create it first (pgflow.create_flow / add_step).',
      mark_job.flow_slug;
  end if;
  insert into pgflow.jobs (flow_slug) values (mark_job.flow_slug) on conflict do nothing;
end;
$$;

-- Starts a run whose first tasks become visible only after delay_seconds (0 = at once), in the
-- caller's transaction like start_flow. Meant for jobs; works for any flow.
create or replace function pgflow.enqueue_job(
  flow_slug text,
  input jsonb,
  delay_seconds integer default 0,
  run_id uuid default null
)
returns setof pgflow.runs
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_run pgflow.runs%rowtype;
  v_msgs bigint[];
begin
  if enqueue_job.delay_seconds is null or enqueue_job.delay_seconds < 0 then
    raise exception 'enqueue_job: delay_seconds must be 0 or more, got %', enqueue_job.delay_seconds;
  end if;
  select * into v_run from pgflow.start_flow(enqueue_job.flow_slug, enqueue_job.input, enqueue_job.run_id);
  if enqueue_job.delay_seconds > 0 then
    select array_agg(t.message_id) into v_msgs
      from pgflow.step_tasks as t
     where t.run_id = v_run.run_id and t.status = 'queued' and t.message_id is not null;
    if v_msgs is not null then
      perform pgflow.set_vt_batch(
        v_run.flow_slug, v_msgs, array_fill(enqueue_job.delay_seconds, array[cardinality(v_msgs)])
      );
    end if;
  end if;
  return query select * from pgflow.runs as r where r.run_id = v_run.run_id;
end;
$$;
