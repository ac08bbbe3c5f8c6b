-- pgflow worker management: the deprecated poll_for_tasks, worker registry, the ensure_workers
-- keep-alive, stalled-task recovery and their pg_cron jobs.
-- Contract: pgflow-sql.md §8 table, §8.17, §8.18 (names, parameters, defaults, return types and
-- texts), with upstream defects 4, 5, 6, 20 and 23 fixed.
--
-- Works without the optional Supabase extensions. Everything that touches pg_cron (schema cron),
-- pg_net (schema net) or Vault (schema vault) is plpgsql, whose statements are resolved when they
-- first run, or dynamic SQL, so this file installs on plain PostgreSQL and PGlite. Calling such a
-- function without its extension raises an error that names the extension to install (SQLSTATE
-- 42883), except that ensure_workers() without Vault credentials is a silent no-op (as upstream).
--
-- Safe to apply twice: functions are replaced, cron jobs are only added when missing.

-- Kept so that pre-0.8 workers do nothing instead of crashing.
create or replace function pgflow.poll_for_tasks(
  queue_name text,
  vt integer,
  qty integer,
  max_poll_seconds integer default 5,
  poll_interval_ms integer default 100
)
returns setof pgflow.step_task_record
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise notice 'DEPRECATED: poll_for_tasks is deprecated and will be removed. Please update pgflow via "npx pgflow install".';
  return;
end;
$$;

create or replace function pgflow.track_worker_function(function_name text)
returns void
language sql
volatile
as $$
  insert into pgflow.worker_functions (function_name, updated_at)
  values (track_worker_function.function_name, clock_timestamp())
  on conflict (function_name) do update
    set updated_at = clock_timestamp();
$$;

comment on function pgflow.track_worker_function(text) is
  'Registers an edge function for monitoring. Called by workers on startup.';

create or replace function pgflow.mark_worker_stopped(worker_id uuid)
returns void
language sql
volatile
as $$
  update pgflow.workers as w
     set stopped_at = clock_timestamp()
   where w.worker_id = mark_worker_stopped.worker_id;
$$;

comment on function pgflow.mark_worker_stopped(uuid) is
  'Marks a worker as stopped for graceful shutdown. Called by workers on beforeunload.';

-- Raises unless pg_net's net.http_post exists. caller names the function in the message.
create or replace function pgflow._require_pg_net(caller text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not exists (
    select 1
      from pg_catalog.pg_proc p
      join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'net' and p.proname = 'http_post'
  ) then
    raise exception '%: pg_net is not installed in database "%" (function net.http_post does not exist)',
      caller, current_database()
      using errcode = 'undefined_function',
            hint = 'Install it with "create extension pg_net;" (the server needs '
                   'shared_preload_libraries to include pg_net), or do not schedule '
                   'pgflow.ensure_workers() on a database without edge functions.';
  end if;
end;
$$;

-- Raises unless pg_cron's schema (cron.job, cron.schedule) exists in this database.
create or replace function pgflow._require_pg_cron(caller text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if pg_catalog.to_regclass('cron.job') is null
     or pg_catalog.to_regprocedure('cron.schedule(text,text,text)') is null then
    raise exception '%: pg_cron is not installed in database "%"', caller, current_database()
      using errcode = 'undefined_function',
            hint = case
              when coalesce(pg_catalog.current_setting('cron.database_name', true), '')
                   not in ('', current_database())
              then format(
                'pg_cron lives in one database per server, cron.database_name = %L: install pgflow '
                'there, or set cron.database_name = %L and restart, then "create extension pg_cron;".',
                pg_catalog.current_setting('cron.database_name', true), current_database()
              )
              else
                'Install it with "create extension pg_cron;" in this database (the server needs '
                'shared_preload_libraries to include pg_cron, and cron.database_name set to this '
                'database).'
            end;
  end if;
end;
$$;

-- Replaces the cron job job_name (unscheduling it if present) and returns the new job id.
-- pg_cron before 1.5 rejects second-based schedules ('15 seconds') with SQLSTATE 22023; that
-- error is re-raised with the same code and a message naming the fix.
create or replace function pgflow._cron_replace_job(
  caller text,
  job_name text,
  schedule text,
  command text
)
returns bigint
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_job_id bigint;
begin
  perform pgflow._require_pg_cron(caller);

  begin
    perform cron.unschedule(job_name);
  exception
    when others then null; -- no such job yet
  end;

  begin
    v_job_id := cron.schedule(job_name, schedule, command);
  exception
    when invalid_parameter_value then
      if schedule !~* '^\s*[0-9]+\s*seconds?\s*$' then
        raise;
      end if;
      raise exception '%: pg_cron % rejected the schedule ''%'': second-based schedules need pg_cron 1.5 or later',
        caller, (select e.extversion from pg_catalog.pg_extension e where e.extname = 'pg_cron'), schedule
        using errcode = 'invalid_parameter_value',
              hint = format(
                'Upgrade pg_cron, or pass a cron expression instead, e.g. select %s(''* * * * *'');',
                pg_catalog.split_part(caller, '(', 1)
              );
  end;

  return v_job_id;
end;
$$;

-- Pings the edge functions of pgflow.worker_functions that need a worker (pgflow-sql.md §8.18).
-- plpgsql, not sql as upstream, so that it installs where Vault and pg_net do not exist: both
-- are reached through dynamic SQL at call time. Without pg_net it raises (naming the fix) only
-- when there is a function to ping; without Vault credentials (production mode) it does nothing.
create or replace function pgflow.ensure_workers()
returns table (function_name text, invoked boolean, request_id bigint)
language plpgsql
volatile
as $$
declare
  v_local boolean := pgflow.is_local();
  v_auth_secret text;
  v_service_role_key text;
  v_project_id text;
  v_key text;
  v_base_url text;
  v_headers jsonb;
  v_functions text[];
  v_function text;
  v_request_id bigint;
begin
  if v_local then
    v_base_url := 'http://kong:8000/functions/v1';
    v_headers := '{}'::jsonb;
  else
    if pg_catalog.to_regclass('vault.decrypted_secrets') is not null then
      execute $q$
        select max(s.decrypted_secret) filter (where s.name = 'pgflow_auth_secret'),
               max(s.decrypted_secret) filter (where s.name = 'supabase_service_role_key'),
               max(s.decrypted_secret) filter (where s.name = 'supabase_project_id')
          from vault.decrypted_secrets s
         where s.name in ('pgflow_auth_secret', 'supabase_service_role_key', 'supabase_project_id')
      $q$ into v_auth_secret, v_service_role_key, v_project_id;
    end if;

    v_key := coalesce(nullif(v_auth_secret, ''), nullif(v_service_role_key, ''));
    v_base_url := 'https://' || nullif(v_project_id, '') || '.supabase.co/functions/v1';
    v_headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || v_key);
  end if;

  -- Missing credentials are a safe failure: nothing is pinged and last_invoked_at is unchanged.
  if v_base_url is null or (not v_local and v_key is null) then
    return;
  end if;

  -- Local mode pings every enabled function. Production pings those past their debounce that
  -- have no alive worker; the debounce interval doubles as the heartbeat timeout. SKIP LOCKED
  -- keeps two overlapping calls from pinging the same function twice.
  select array_agg(c.function_name order by c.function_name)
    into v_functions
    from (
      select wf.function_name
        from pgflow.worker_functions wf
       where wf.enabled
         and (
           v_local
           or (
             (wf.last_invoked_at is null or wf.last_invoked_at < now() - wf.debounce)
             and not exists (
               select 1
                 from pgflow.workers w
                where w.function_name = wf.function_name
                  and w.stopped_at is null
                  and w.deprecated_at is null
                  and w.last_heartbeat_at > now() - wf.debounce
             )
           )
         )
         for update of wf skip locked
    ) c;

  if v_functions is null then
    return;
  end if;

  perform pgflow._require_pg_net('pgflow.ensure_workers()');

  foreach v_function in array v_functions loop
    execute 'select net.http_post(url => $1, headers => $2, body => $3)'
      into v_request_id
      using v_base_url || '/' || v_function, v_headers, '{}'::jsonb;

    update pgflow.worker_functions as wf
       set last_invoked_at = clock_timestamp()
     where wf.function_name = v_function;

    function_name := v_function;
    invoked := true;
    request_id := v_request_id;
    return next;
  end loop;
end;
$$;

comment on function pgflow.ensure_workers() is
  'Ensures worker functions are running by pinging them via HTTP when needed. In local mode '
  '(pgflow.is_local()) every enabled function is pinged at http://kong:8000/functions/v1/<name> '
  'without auth. In production a function is pinged when its debounce has passed and it has no '
  'alive worker (not stopped, not deprecated, heartbeat within the debounce), at '
  'https://<vault supabase_project_id>.supabase.co/functions/v1/<name> with Bearer <vault '
  'pgflow_auth_secret or supabase_service_role_key>; missing credentials ping nothing. Uses '
  'pg_net (net.http_post), and raises naming the fix if it is missing and something is to be '
  'pinged. Returns one row per pinged function and sets its last_invoked_at.';

-- Deletes old cron history of pgflow's own jobs only (defect 20: upstream deleted every job's
-- history). "Own" = a job named pgflow_*, or a job since unscheduled (replaced by a setup_*_cron
-- call) whose command is one of the three commands pgflow schedules.
create or replace function pgflow.cleanup_ensure_workers_logs(retention_hours integer default 24)
returns table (cron_deleted bigint)
language plpgsql
volatile
security definer
set search_path = pgflow, cron, pg_temp
as $$
declare
  v_deleted bigint;
begin
  perform pgflow._require_pg_cron('pgflow.cleanup_ensure_workers_logs()');

  delete from cron.job_run_details d
   where d.end_time < now() - make_interval(hours => retention_hours)
     and (
       d.jobid in (select j.jobid from cron.job j where starts_with(j.jobname, 'pgflow_'))
       or (
         d.command in (
           'select pgflow.ensure_workers()',
           'select pgflow.cleanup_ensure_workers_logs()',
           'select pgflow.requeue_stalled_tasks()'
         )
         and not exists (select 1 from cron.job j where j.jobid = d.jobid)
       )
     );
  get diagnostics v_deleted = row_count;

  cron_deleted := v_deleted;
  return next;
end;
$$;

create or replace function pgflow.setup_ensure_workers_cron(cron_interval text default '1 second')
returns text
language plpgsql
volatile
security definer
set search_path = pgflow, cron, pg_temp
as $$
declare
  v_caller constant text := 'pgflow.setup_ensure_workers_cron()';
  v_ensure_job_id bigint;
  v_cleanup_job_id bigint;
begin
  perform pgflow._require_pg_cron(v_caller);
  perform pgflow._require_pg_net(v_caller);

  v_ensure_job_id := pgflow._cron_replace_job(
    v_caller, 'pgflow_ensure_workers', cron_interval, 'select pgflow.ensure_workers()'
  );
  v_cleanup_job_id := pgflow._cron_replace_job(
    v_caller, 'pgflow_cleanup_logs', '0 * * * *', 'select pgflow.cleanup_ensure_workers_logs()'
  );

  return format(
    'Scheduled pgflow_ensure_workers (every %s, job_id=%s) and pgflow_cleanup_logs (hourly, job_id=%s)',
    cron_interval, v_ensure_job_id, v_cleanup_job_id
  );
end;
$$;

-- Stalled-task recovery (pgflow-sql.md §8.18, §9.2) with defects 4, 5 and 6 fixed.
--
-- A task is stalled when it is 'started', its run and its step are 'started' (defect 5), and it
-- started more than COALESCE(step.opt_timeout, flow.opt_timeout) + 30 seconds ago (defect 4).
-- The one definition of "stalled"; requeue_stalled_tasks() reads it for both of its paths.
create or replace function pgflow._stalled_tasks()
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
     and st.permanently_stalled_at is null
     and r.status = 'started'
     and ss.status = 'started'
     and st.started_at < now() - make_interval(secs => coalesce(s.opt_timeout, f.opt_timeout) + 30);
$$;

-- The integer setting p_name (e.g. pgflow.max_requeues), p_default when it is unset or empty; a
-- value that is not a whole number >= p_minimum raises, naming the fix.
create or replace function pgflow._integer_setting(p_name text, p_default integer, p_minimum integer)
returns integer
language plpgsql
stable
set search_path = ''
as $$
declare
  v_setting text := nullif(pg_catalog.current_setting(p_name, true), '');
begin
  if v_setting is null then
    return p_default;
  elsif (case when v_setting ~ '^\s*[0-9]{1,9}\s*$' then v_setting::integer >= p_minimum else false end) then
    return v_setting::integer;
  end if;
  raise exception '% must be a % integer, got "%"',
    p_name, case when p_minimum > 0 then 'positive' else 'non-negative' end, v_setting
    using errcode = 'invalid_parameter_value',
          hint = 'Set it to a whole number, e.g. alter database ' || quote_ident(current_database())
                 || ' set ' || p_name || ' = ' || p_default || '; (' || p_default
                 || ' is the default when it is unset).';
end;
$$;

-- How many times a stalled task is requeued before it fails: the setting pgflow.max_requeues,
-- 3 when unset or empty. Set it per database or role, e.g.
--   alter database postgres set pgflow.max_requeues = 5;
create or replace function pgflow._max_requeues()
returns integer
language sql
stable
set search_path = ''
as $$
  select pgflow._integer_setting('pgflow.max_requeues', 3, 0);
$$;

-- Fails one stalled task through fail_task's exhausted path (when_exhausted decides what
-- happens to the step and run), after setting permanently_stalled_at. Locks follow fail_task's
-- order (run, step state, task), each with SKIP LOCKED: a busy task is left for the next sweep,
-- and so is one no longer stalled. Returns whether the task was failed.
create or replace function pgflow._fail_stalled_task(
  p_run_id uuid,
  p_step_slug text,
  p_task_index integer,
  p_max_attempts integer,
  p_error_message text
)
returns boolean
language plpgsql
volatile
set search_path = ''
as $$
begin
  perform 1 from pgflow.runs r
   where r.run_id = p_run_id and r.status = 'started'
     for update skip locked;
  if not found then return false; end if;

  perform 1 from pgflow.step_states ss
   where ss.run_id = p_run_id and ss.step_slug = p_step_slug and ss.status = 'started'
     for update skip locked;
  if not found then return false; end if;

  -- fail_task retries while attempts_count < max_attempts; a stalled task must not be retried.
  update pgflow.step_tasks st
     set permanently_stalled_at = now(),
         attempts_count = greatest(st.attempts_count, p_max_attempts)
   where (st.run_id, st.step_slug, st.task_index) = (
           select t.run_id, t.step_slug, t.task_index
             from pgflow.step_tasks t
            where t.run_id = p_run_id and t.step_slug = p_step_slug and t.task_index = p_task_index
              and t.status = 'started' and t.permanently_stalled_at is null
              for update skip locked
         );
  if not found then return false; end if;

  perform pgflow.fail_task(p_run_id, p_step_slug, p_task_index, p_error_message);
  return true;
end;
$$;

-- Requeues stalled tasks (p_orphaned false: pgflow._stalled_tasks) or the tasks of dead workers
-- (true: pgflow._orphaned_tasks, in 20261126000510_pgflow_worker_leases.sql), and fails those
-- requeued too often (defect 6):
--   * requeued_count < pgflow._max_requeues(): back to 'queued' (requeued_count + 1,
--     last_requeued_at, no worker), its message visible at once and announced on the queue's
--     insert channel (notify workers sleep until then); attempts_count is kept (start_tasks counts
--     the restart).
--   * otherwise: permanently_stalled_at is set and the task fails (pgflow._fail_stalled_task),
--     so the step and run reach a terminal state and send their events.
-- Returns the number of requeued tasks (failed ones are not counted, as upstream).
create or replace function pgflow._requeue_tasks(p_orphaned boolean)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_max_requeues integer := pgflow._max_requeues();
  v_requeued integer;
  v_flow_slugs text[];
  v_message_ids bigint[];
  v_queue record;
  v_task record;
begin
  -- Only step_tasks rows are locked, and SKIP LOCKED never waits on a worker.
  with candidates as (
    select * from pgflow._stalled_tasks() where not p_orphaned
    union all
    select * from pgflow._orphaned_tasks() where p_orphaned
  ),
  stalled as (
    select st.run_id, st.step_slug, st.task_index
      from pgflow.step_tasks st
      join candidates s
        on s.run_id = st.run_id and s.step_slug = st.step_slug and s.task_index = st.task_index
     where s.requeued_count < v_max_requeues
       and st.status = 'started'
       for update of st skip locked
  ),
  requeued as (
    update pgflow.step_tasks st
       set status = 'queued',
           started_at = null,
           last_worker_id = null,
           requeued_count = st.requeued_count + 1,
           last_requeued_at = now()
      from stalled
     where st.run_id = stalled.run_id
       and st.step_slug = stalled.step_slug
       and st.task_index = stalled.task_index
    returning st.flow_slug, st.message_id
  )
  select count(*)::integer, array_agg(q.flow_slug), array_agg(q.message_id)
    into v_requeued, v_flow_slugs, v_message_ids
    from requeued q;

  for v_queue in
    select m.flow_slug, array_agg(m.message_id order by m.message_id) as message_ids
      from unnest(v_flow_slugs, v_message_ids) as m(flow_slug, message_id)
     where m.message_id is not null
     group by m.flow_slug
  loop
    perform pgflow.set_vt_batch(
      v_queue.flow_slug,
      v_queue.message_ids,
      array_fill(0, array[cardinality(v_queue.message_ids)])
    );
    perform pg_notify('pgmq.q_' || v_queue.flow_slug || '.INSERT', null);
  end loop;

  for v_task in
    select * from pgflow._stalled_tasks() s where not p_orphaned and s.requeued_count >= v_max_requeues
    union all
    select * from pgflow._orphaned_tasks() s where p_orphaned and s.requeued_count >= v_max_requeues
     order by 1, 2, 3
  loop
    perform pgflow._fail_stalled_task(
      v_task.run_id,
      v_task.step_slug,
      v_task.task_index,
      v_task.max_attempts,
      format(
        case when p_orphaned
             then 'Task abandoned: its worker stopped heartbeating; requeued %s times without completing (limit pgflow.max_requeues = %s)'
             else 'Task stalled: requeued %s times without completing (limit pgflow.max_requeues = %s)' end,
        v_task.requeued_count, v_max_requeues
      )
    );
  end loop;

  return v_requeued;
end;
$$;

create or replace function pgflow.requeue_stalled_tasks()
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  return pgflow._requeue_tasks(false);
end;
$$;

comment on function pgflow.requeue_stalled_tasks() is
  'Requeues tasks started more than COALESCE(step, flow) timeout + 30 s ago whose run and step '
  'are started, and makes their messages visible. A task already requeued pgflow.max_requeues '
  'times (setting, default 3) gets permanently_stalled_at and fails through fail_task, so its '
  'step and run finish per when_exhausted. Returns the number of requeued tasks.';

create or replace function pgflow.setup_requeue_stalled_tasks_cron(cron_interval text default '15 seconds')
returns text
language plpgsql
volatile
security definer
set search_path = pgflow, cron, pg_temp
as $$
declare
  v_job_id bigint;
begin
  v_job_id := pgflow._cron_replace_job(
    'pgflow.setup_requeue_stalled_tasks_cron()',
    'pgflow_requeue_stalled_tasks',
    cron_interval,
    'select pgflow.requeue_stalled_tasks()'
  );

  return format('Scheduled pgflow_requeue_stalled_tasks (every %s, job_id=%s)', cron_interval, v_job_id);
end;
$$;

comment on function pgflow.setup_requeue_stalled_tasks_cron(text) is
  'Sets up cron job to automatically requeue stalled tasks. Schedules pgflow_requeue_stalled_tasks '
  '(default every 15 seconds) running pgflow.requeue_stalled_tasks(), replacing any job of that '
  'name. Requires pg_cron.';

-- Install-time cron jobs (pgflow-sql.md §1.4, defect 23: one install path, one defined state).
-- Resulting states, decided by what exists in the database being migrated:
--   * pg_cron absent (plain PostgreSQL database other than cron.database_name, PGlite): no jobs.
--     `create extension pg_cron` is tried first; it fails (and is ignored) unless this database
--     is cron.database_name and pg_cron is preloaded.
--   * pg_cron present: pgflow_requeue_stalled_tasks (every 15 seconds).
--   * pg_cron and pg_net present: also pgflow_ensure_workers (every 1 second) and
--     pgflow_cleanup_logs (hourly). pg_net is tried the same way as pg_cron (hosted Supabase
--     ships it uninstalled; upstream's migrations create it).
--   * pg_cron older than 1.5 rejects second-based schedules: those jobs run every minute instead
--     ('* * * * *'), and a NOTICE says so.
-- A job that already exists (e.g. rescheduled by the user with setup_*_cron) is left as it is,
-- so applying this file again changes nothing.
do $$
begin
  begin
    create extension if not exists pg_cron;
  exception
    when others then null;
  end;
  begin
    create extension if not exists pg_net;
  exception
    when others then null;
  end;

  if pg_catalog.to_regclass('cron.job') is null
     or pg_catalog.to_regprocedure('cron.schedule(text,text,text)') is null then
    return;
  end if;

  if not exists (select 1 from cron.job j where j.jobname = 'pgflow_requeue_stalled_tasks') then
    begin
      perform pgflow.setup_requeue_stalled_tasks_cron();
    exception
      when invalid_parameter_value then
        perform pgflow.setup_requeue_stalled_tasks_cron('* * * * *');
        raise notice 'pgflow: this pg_cron has no second-based schedules; '
                     'pgflow_requeue_stalled_tasks runs every minute';
    end;
  end if;

  if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
              where n.nspname = 'net' and p.proname = 'http_post')
     and not exists (select 1 from cron.job j where j.jobname = 'pgflow_ensure_workers') then
    begin
      perform pgflow.setup_ensure_workers_cron();
    exception
      when invalid_parameter_value then
        perform pgflow.setup_ensure_workers_cron('* * * * *');
        raise notice 'pgflow: this pg_cron has no second-based schedules; '
                     'pgflow_ensure_workers runs every minute';
    end;
  end if;
end;
$$;
