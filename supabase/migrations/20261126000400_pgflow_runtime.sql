-- pgflow runtime: runs, step states, tasks, cascades and events.
-- Contract: pgflow 0.14.1 (pgflow-sql.md §6-§9), with the upstream defects fixed without changing any
-- signature (see the defect numbers in the comments). Every function pins search_path = '' and
-- qualifies every name. Parameters are named as in pgflow because callers use named arguments;
-- `#variable_conflict use_column` makes bare names in SQL mean columns, and parameters are always
-- written qualified by their function's name.
-- Data-modifying CTEs (update ... returning) always run to completion, referenced or not; only
-- plain SELECT CTEs may be skipped, so no side effect here hides in one (defect 2).

-- ---------------------------------------------------------------------------------------------
-- Events
-- ---------------------------------------------------------------------------------------------

-- One place that sends every event: through realtime.send when it exists (Supabase; looked up at
-- call time, so the same SQL works with and without it), and always through pg_notify, with the
-- same payload, on two channels: `pgflow:run:<run_id>` (one run) and `pgflow_events`
-- (everything), for our live client, dashboard and startFlowSync. The NOTIFY body is
-- {"event": <event name>, "payload": <payload>}; NOTIFY bodies must stay under 8000 bytes, so a
-- larger one has its input/output replaced by null and gets "truncated": true (read the full
-- state with pgflow.get_run_with_states). Realtime broadcasts are private (defect 17) or public:
-- the session setting pgflow.realtime_private (on/off) decides when set, else the database's
-- stored setting (pgflow.settings row realtime_private, written by the first install: 'on' for a
-- new database, 'off' for one that had pgflow's own schema; see the schema file), else private.
-- The stored row is read only on the realtime branch and only when the session setting is unset:
-- one lookup per call, not per event.
-- _broadcast_all sends a list of events (the i-th event of run i), in order, with one NOTIFY
-- statement for the whole list: complete_tasks sends a batch's events with one call. _broadcast
-- sends one event.
create or replace function pgflow._broadcast_all(p_run_ids uuid[], p_events text[], p_payloads jsonb[])
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_payloads jsonb[];
  v_private boolean;
  v_i integer;
begin
  if coalesce(cardinality(p_run_ids), 0) = 0 then
    return;
  end if;
  v_payloads := array(
    select jsonb_build_object('id', gen_random_uuid()) || e.payload
      from unnest(p_payloads) with ordinality as e(payload, ord)
     order by e.ord);

  if to_regprocedure('realtime.send(jsonb,text,text,boolean)') is not null then
    v_private := nullif(current_setting('pgflow.realtime_private', true), '')::boolean;
    if v_private is null then
      select s.value::boolean into v_private from pgflow.settings as s where s.name = 'realtime_private';
      v_private := coalesce(v_private, true);
    end if;
    for v_i in 1 .. cardinality(p_run_ids) loop
      execute 'select realtime.send($1, $2, $3, $4)'
        using v_payloads[v_i], p_events[v_i], 'pgflow:run:' || p_run_ids[v_i]::text, v_private;
    end loop;
  end if;

  perform pg_notify(n.topic, n.body), pg_notify('pgflow_events', n.body)
     from (
       select 'pgflow:run:' || e.run_id::text as topic,
              case when octet_length(b.body) <= 7900 then b.body
                   else pgflow._truncated_notify_body(e.event, e.payload) end as body
         from unnest(p_run_ids, p_events, v_payloads) with ordinality as e(run_id, event, payload, ord)
        cross join lateral (select jsonb_build_object('event', e.event, 'payload', e.payload)::text as body) as b
        order by e.ord
     ) as n;
end;
$$;

-- The NOTIFY body of an event whose full body is over the limit: input and output become null,
-- a long error message is cut to 1000 characters, and "truncated": true is added; if that is
-- still too long, only the identifying keys are kept.
create or replace function pgflow._truncated_notify_body(p_event text, p_payload jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_payload jsonb := p_payload;
  v_body text;
begin
  if v_payload ? 'input' then v_payload := jsonb_set(v_payload, '{input}', 'null'); end if;
  if v_payload ? 'output' then v_payload := jsonb_set(v_payload, '{output}', 'null'); end if;
  -- error messages can be long too (pg_notify raises above 8000 bytes, aborting the caller)
  if jsonb_typeof(v_payload -> 'error_message') = 'string' then
    v_payload := jsonb_set(v_payload, '{error_message}', to_jsonb(left(v_payload ->> 'error_message', 1000)));
  end if;
  v_body := jsonb_build_object('event', p_event, 'payload', v_payload || '{"truncated": true}')::text;
  if octet_length(v_body) > 7900 then
    v_body := jsonb_build_object('event', p_event, 'payload', jsonb_strip_nulls(jsonb_build_object(
      'id', v_payload -> 'id', 'event_type', v_payload -> 'event_type', 'run_id', v_payload -> 'run_id',
      'flow_slug', v_payload -> 'flow_slug', 'step_slug', v_payload -> 'step_slug',
      'status', v_payload -> 'status', 'truncated', true)))::text;
  end if;
  return v_body;
end;
$$;

create or replace function pgflow._broadcast(p_run_id uuid, p_event text, p_payload jsonb)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  perform pgflow._broadcast_all(array[p_run_id], array[p_event], array[p_payload]);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Queue helpers
-- ---------------------------------------------------------------------------------------------

create or replace function pgflow.set_vt_batch(queue_name text, msg_ids bigint[], vt_offsets integer[])
returns table (
  msg_id bigint,
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
begin
  if set_vt_batch.msg_ids is null or set_vt_batch.vt_offsets is null then
    return;
  end if;
  if array_length(set_vt_batch.msg_ids, 1) is distinct from array_length(set_vt_batch.vt_offsets, 1) then
    raise exception 'msg_ids length (%) must equal vt_offsets length (%)',
      coalesce(array_length(set_vt_batch.msg_ids, 1), 0), coalesce(array_length(set_vt_batch.vt_offsets, 1), 0);
  end if;
  if cardinality(set_vt_batch.msg_ids) = 0 then
    return;
  end if;

  return query execute format(
    'update pgmq.%I as q
        set vt = clock_timestamp() + make_interval(secs => o.off)
       from unnest($1::bigint[], $2::integer[]) as o(id, off)
      where q.msg_id = o.id
  returning q.msg_id, q.read_ct, q.enqueued_at, q.vt, q.message, q.headers',
    pgmq.format_table_name(set_vt_batch.queue_name, 'q')
  ) using set_vt_batch.msg_ids, set_vt_batch.vt_offsets;
end;
$$;

create or replace function pgflow._archive_task_message(p_run_id uuid, p_step_slug text, p_task_index integer)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_flow text;
  v_msg bigint;
begin
  select t.flow_slug, t.message_id into v_flow, v_msg
    from pgflow.step_tasks t
   where t.run_id = p_run_id and t.step_slug = p_step_slug and t.task_index = p_task_index;
  if v_msg is not null then
    perform pgmq.archive(v_flow, v_msg);
  end if;
end;
$$;

-- Ends the queued/started tasks of a run (all steps when p_step_slugs is null): archives their
-- messages and gives them a terminal status, 'cancelled' (the run failed) or 'skipped' (their
-- step was skipped). Upstream 0.14.1 only archives and leaves the rows queued/started (defect 7).
create or replace function pgflow._end_active_tasks(p_run_id uuid, p_step_slugs text[], p_status text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_flow text;
  v_msgs bigint[];
begin
  with ended as (
    update pgflow.step_tasks as t
       set status = p_status
     where t.run_id = p_run_id
       and t.status in ('queued', 'started')
       and (p_step_slugs is null or t.step_slug = any (p_step_slugs))
    returning t.flow_slug, t.message_id
  )
  select min(e.flow_slug), array_agg(e.message_id) filter (where e.message_id is not null)
    into v_flow, v_msgs
    from ended as e;

  if v_msgs is not null then
    perform pgmq.archive(v_flow, v_msgs);
  end if;
end;
$$;

-- Fails a step (step:failed) and, separately, a run (run:failed, then its queued and started
-- tasks become 'cancelled' and their messages are archived, defect 7). Callers choose the order
-- of the two events: step then run for a failed handler or condition, run then step for a type
-- violation (pgflow's order).
create or replace function pgflow._fail_step(p_run_id uuid, p_flow_slug text, p_step_slug text, p_error text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  update pgflow.step_states as ss
     set status = 'failed', failed_at = now(), error_message = p_error
   where ss.run_id = p_run_id and ss.step_slug = p_step_slug;
  perform pgflow._broadcast(p_run_id, 'step:' || p_step_slug || ':failed', jsonb_build_object(
    'event_type', 'step:failed',
    'run_id', p_run_id,
    'flow_slug', p_flow_slug,
    'step_slug', p_step_slug,
    'status', 'failed',
    'error_message', p_error,
    'failed_at', now()
  ));
end;
$$;

create or replace function pgflow._fail_run(p_run_id uuid, p_error text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_flow text;
begin
  update pgflow.runs as r set status = 'failed', failed_at = now()
   where r.run_id = p_run_id
  returning r.flow_slug into v_flow;
  perform pgflow._broadcast(p_run_id, 'run:failed', jsonb_build_object(
    'event_type', 'run:failed',
    'run_id', p_run_id,
    'flow_slug', v_flow,
    'status', 'failed',
    'error_message', p_error,
    'failed_at', now()
  ));
  perform pgflow._end_active_tasks(p_run_id, null, 'cancelled');
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Run completion and the cascades
-- ---------------------------------------------------------------------------------------------

-- Completes the given started runs whose steps are all done, and sends run:completed for each.
-- Output: the completed leaf steps' outputs, or {} when none completed (defect 15: upstream
-- stores SQL NULL). Failed runs are never completed (defect 11). Set-based for complete_tasks.
create or replace function pgflow._complete_runs(p_run_ids uuid[])
returns void
language plpgsql
volatile
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
declare
  v_runs uuid[];
  v_payloads jsonb[];
begin
  with completed as (
    update pgflow.runs as r
       set status = 'completed',
           completed_at = now(),
           output = coalesce((
             select jsonb_object_agg(ss.step_slug, ss.output)
               from pgflow.step_states as ss
              where ss.run_id = r.run_id
                and ss.status = 'completed'
                and not exists (
                  select 1 from pgflow.deps as d
                   where d.flow_slug = ss.flow_slug and d.dep_slug = ss.step_slug
                )
           ), '{}'::jsonb)
     where r.run_id = any (p_run_ids)
       and r.remaining_steps = 0
       -- "is true" keeps this condition off idx_runs_status: without statistics the planner
       -- would rather scan every started run than look the given runs up
       and (r.status = 'started') is true
    returning r.run_id, r.flow_slug, r.output, r.completed_at
  )
  select array_agg(c.run_id order by c.run_id),
         array_agg(jsonb_build_object(
           'event_type', 'run:completed',
           'run_id', c.run_id,
           'flow_slug', c.flow_slug,
           'status', 'completed',
           'output', c.output,
           'completed_at', c.completed_at) order by c.run_id)
    into v_runs, v_payloads
    from completed as c;

  if v_runs is not null then
    perform pgflow._broadcast_all(v_runs, array_fill('run:completed'::text, array[cardinality(v_runs)]), v_payloads);
  end if;
end;
$$;

create or replace function pgflow.maybe_complete_run(run_id uuid)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  perform pgflow._complete_runs(array[maybe_complete_run.run_id]);
end;
$$;

-- Skips a step and all its descendants. The given step gets p skip_reason, descendants get
-- 'dependency_skipped'. Only created/started steps change, so a second call returns 0.
create or replace function pgflow._cascade_force_skip_steps(run_id uuid, step_slug text, skip_reason text)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_run_id uuid := _cascade_force_skip_steps.run_id;
  v_flow text;
  v_skipped jsonb;
  v_count integer;
  v_event jsonb;
begin
  select r.flow_slug into v_flow from pgflow.runs as r where r.run_id = v_run_id;
  if not found then
    raise exception 'Run not found: %', v_run_id;
  end if;

  with recursive tree (step_slug) as (
    select _cascade_force_skip_steps.step_slug
    union
    select d.step_slug
      from pgflow.deps as d
      join tree on d.dep_slug = tree.step_slug
     where d.flow_slug = v_flow
  ),
  skipped as (
    update pgflow.step_states as ss
       set status = 'skipped',
           skip_reason = case when ss.step_slug = _cascade_force_skip_steps.step_slug
                              then _cascade_force_skip_steps.skip_reason
                              else 'dependency_skipped' end,
           skipped_at = now(),
           remaining_tasks = null
      from tree
     where ss.run_id = v_run_id
       and ss.step_slug = tree.step_slug
       and ss.status in ('created', 'started')
    returning ss.step_slug, ss.skip_reason, ss.skipped_at
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'step_slug', sk.step_slug, 'skip_reason', sk.skip_reason, 'skipped_at', sk.skipped_at
         ) order by s.step_index), '[]'::jsonb)
    into v_skipped
    from skipped as sk
    join pgflow.steps as s on s.flow_slug = v_flow and s.step_slug = sk.step_slug;

  v_count := jsonb_array_length(v_skipped);
  if v_count = 0 then
    return 0;
  end if;

  perform pgflow._end_active_tasks(
    v_run_id,
    array(select e ->> 'step_slug' from jsonb_array_elements(v_skipped) as e),
    'skipped'
  );

  update pgflow.runs as r
     set remaining_steps = r.remaining_steps - v_count
   where r.run_id = v_run_id;

  -- step_index order is a topological order: steps can only depend on earlier steps.
  for v_event in select e from jsonb_array_elements(v_skipped) as e loop
    perform pgflow._broadcast(v_run_id, 'step:' || (v_event ->> 'step_slug') || ':skipped',
      jsonb_build_object(
        'event_type', 'step:skipped',
        'run_id', v_run_id,
        'flow_slug', v_flow,
        'step_slug', v_event ->> 'step_slug',
        'status', 'skipped',
        'skip_reason', v_event ->> 'skip_reason',
        'skipped_at', v_event -> 'skipped_at'
      ));
  end loop;

  return v_count;
end;
$$;

-- Applies when_unmet to every created step whose deps are all done and which has a condition.
-- Returns false when a 'fail' condition failed the run (or the run had already failed).
create or replace function pgflow.cascade_resolve_conditions(run_id uuid)
returns boolean
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_run_id uuid := cascade_resolve_conditions.run_id;
  v_run pgflow.runs%rowtype;
  v_iteration integer := 0;
  v_unmet jsonb;
  v_fail text;
  v_skipped jsonb;
  v_changes integer;
  v_event jsonb;
  v_step text;
begin
  select * into v_run from pgflow.runs as r where r.run_id = v_run_id;
  if not found or v_run.status = 'failed' then
    return false;
  elsif v_run.status = 'completed' then
    return true;
  end if;

  loop
    v_iteration := v_iteration + 1;
    if v_iteration > 50 then
      raise exception 'cascade_resolve_conditions exceeded safety limit of % iterations', 50;
    end if;

    -- Candidates: created, all deps done, with a pattern. A dependent step is checked against
    -- {dep: output} of its completed deps (skipped deps are absent keys).
    select coalesce(jsonb_agg(jsonb_build_object('step_slug', c.step_slug, 'when_unmet', c.when_unmet)
                              order by c.step_index), '[]'::jsonb)
      into v_unmet
      from (
        select ss.step_slug, s.step_index, s.when_unmet, s.required_input_pattern, s.forbidden_input_pattern,
               case when s.deps_count = 0 then v_run.input
                    else coalesce((
                      select jsonb_object_agg(d.dep_slug, dss.output)
                        from pgflow.deps as d
                        join pgflow.step_states as dss
                          on dss.run_id = ss.run_id and dss.step_slug = d.dep_slug
                       where d.flow_slug = ss.flow_slug
                         and d.step_slug = ss.step_slug
                         and dss.status = 'completed'
                    ), '{}'::jsonb)
               end as eval_input
          from pgflow.step_states as ss
          join pgflow.steps as s on s.flow_slug = ss.flow_slug and s.step_slug = ss.step_slug
         where ss.run_id = v_run_id
           and ss.status = 'created'
           and ss.remaining_deps = 0
           and (s.required_input_pattern is not null or s.forbidden_input_pattern is not null)
      ) as c
     where not ((c.required_input_pattern is null or c.eval_input @> c.required_input_pattern)
            and (c.forbidden_input_pattern is null or not (c.eval_input @> c.forbidden_input_pattern)));

    if jsonb_array_length(v_unmet) = 0 then
      exit;
    end if;

    -- Phase a: the first unmet 'fail' step fails the run.
    select e ->> 'step_slug' into v_fail
      from jsonb_array_elements(v_unmet) as e
     where e ->> 'when_unmet' = 'fail'
     limit 1;
    if v_fail is not null then
      perform pgflow._fail_step(v_run_id, v_run.flow_slug, v_fail, 'Condition not met');
      perform pgflow._fail_run(v_run_id, 'Condition not met');
      return false;
    end if;

    -- Phase b: plain skips. Children lose one remaining dep per skipped parent; a map child
    -- of a skipped single dependency maps over nothing.
    with skipped as (
      update pgflow.step_states as ss
         set status = 'skipped', skip_reason = 'condition_unmet', skipped_at = now()
       where ss.run_id = v_run_id
         and ss.step_slug in (
           select e ->> 'step_slug' from jsonb_array_elements(v_unmet) as e where e ->> 'when_unmet' = 'skip'
         )
      returning ss.flow_slug, ss.step_slug, ss.skipped_at
    ),
    children as (
      select d.step_slug, count(*)::integer as parents
        from skipped as sk
        join pgflow.deps as d on d.flow_slug = sk.flow_slug and d.dep_slug = sk.step_slug
       group by d.step_slug
    ),
    updated_children as (
      update pgflow.step_states as ss
         set remaining_deps = ss.remaining_deps - ch.parents,
             initial_tasks = case when s.step_type = 'map' and s.deps_count = 1 then 0 else ss.initial_tasks end
        from children as ch, pgflow.steps as s
       where ss.run_id = v_run_id
         and ss.step_slug = ch.step_slug
         and s.flow_slug = ss.flow_slug
         and s.step_slug = ss.step_slug
      returning 1
    )
    select coalesce(jsonb_agg(jsonb_build_object('step_slug', sk.step_slug, 'skipped_at', sk.skipped_at)
                              order by s.step_index), '[]'::jsonb)
      into v_skipped
      from skipped as sk
      join pgflow.steps as s on s.flow_slug = sk.flow_slug and s.step_slug = sk.step_slug;

    v_changes := jsonb_array_length(v_skipped);
    if v_changes > 0 then
      update pgflow.runs as r
         set remaining_steps = r.remaining_steps - v_changes
       where r.run_id = v_run_id;
      for v_event in select e from jsonb_array_elements(v_skipped) as e loop
        perform pgflow._broadcast(v_run_id, 'step:' || (v_event ->> 'step_slug') || ':skipped',
          jsonb_build_object(
            'event_type', 'step:skipped',
            'run_id', v_run_id,
            'flow_slug', v_run.flow_slug,
            'step_slug', v_event ->> 'step_slug',
            'status', 'skipped',
            'skip_reason', 'condition_unmet',
            'skipped_at', v_event -> 'skipped_at'
          ));
      end loop;
    end if;

    -- Phase c: skip-cascade. These count toward convergence too (defect 12).
    for v_step in
      select e ->> 'step_slug' from jsonb_array_elements(v_unmet) as e where e ->> 'when_unmet' = 'skip-cascade'
    loop
      v_changes := v_changes + pgflow._cascade_force_skip_steps(v_run_id, v_step, 'condition_unmet');
    end loop;

    select * into v_run from pgflow.runs as r where r.run_id = v_run_id;
    if v_run.status <> 'started' then
      return v_run.status <> 'failed';
    end if;
    exit when v_changes = 0;
  end loop;

  return true;
end;
$$;

-- Completes, wave by wave, every ready step that has no tasks (maps over empty arrays).
-- Returns the number of steps completed. Only for started runs (defect 12).
create or replace function pgflow.cascade_complete_taskless_steps(run_id uuid)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_run_id uuid := cascade_complete_taskless_steps.run_id;
  v_iteration integer := 0;
  v_total integer := 0;
  v_wave jsonb;
  v_count integer;
  v_event jsonb;
  v_flow text;
begin
  select r.flow_slug into v_flow from pgflow.runs as r where r.run_id = v_run_id and r.status = 'started';
  if not found then
    return 0;
  end if;

  loop
    v_iteration := v_iteration + 1;
    if v_iteration > 50 then
      raise exception 'Cascade loop exceeded safety limit of % iterations', 50;
    end if;

    with completed as (
      update pgflow.step_states as ss
         set status = 'completed',
             started_at = now(),
             completed_at = now(),
             remaining_tasks = 0,
             output = case when s.step_type = 'map' then '[]'::jsonb else null end
        from pgflow.steps as s
       where ss.run_id = v_run_id
         and ss.status = 'created'
         and ss.remaining_deps = 0
         and ss.initial_tasks = 0
         and s.flow_slug = ss.flow_slug
         and s.step_slug = ss.step_slug
      returning ss.step_slug, ss.started_at, ss.completed_at, ss.output, s.step_index
    ),
    children as (
      select d.step_slug, count(*)::integer as parents
        from completed as c
        join pgflow.deps as d on d.flow_slug = v_flow and d.dep_slug = c.step_slug
       group by d.step_slug
    ),
    updated_children as (
      -- Every parent completed here mapped over nothing, so a map child does too.
      update pgflow.step_states as ss
         set remaining_deps = ss.remaining_deps - ch.parents,
             initial_tasks = case when s.step_type = 'map' then 0 else ss.initial_tasks end
        from children as ch, pgflow.steps as s
       where ss.run_id = v_run_id
         and ss.step_slug = ch.step_slug
         and s.flow_slug = v_flow
         and s.step_slug = ss.step_slug
      returning 1
    )
    select coalesce(jsonb_agg(jsonb_build_object(
             'step_slug', c.step_slug, 'started_at', c.started_at,
             'completed_at', c.completed_at, 'output', c.output
           ) order by c.step_index), '[]'::jsonb)
      into v_wave
      from completed as c;

    v_count := jsonb_array_length(v_wave);
    exit when v_count = 0;
    v_total := v_total + v_count;

    update pgflow.runs as r
       set remaining_steps = r.remaining_steps - v_count
     where r.run_id = v_run_id;

    for v_event in select e from jsonb_array_elements(v_wave) as e loop
      perform pgflow._broadcast(v_run_id, 'step:' || (v_event ->> 'step_slug') || ':completed',
        jsonb_build_object(
          'event_type', 'step:completed',
          'run_id', v_run_id,
          'flow_slug', v_flow,
          'step_slug', v_event ->> 'step_slug',
          'status', 'completed',
          'started_at', v_event -> 'started_at',
          'completed_at', v_event -> 'completed_at',
          'remaining_tasks', 0,
          'remaining_deps', 0,
          'output', v_event -> 'output'
        ));
    end loop;
  end loop;

  return v_total;
end;
$$;

-- Starts every ready step that has tasks: one pgmq message per task, sent with one send_batch
-- call per step, and one step_tasks row per message. Conditions must be resolved before.
create or replace function pgflow.start_ready_steps(run_id uuid)
returns void
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_run_id uuid := start_ready_steps.run_id;
  v_flow text;
  v_started jsonb;
  v_step jsonb;
  v_slug text;
  v_tasks integer;
begin
  select r.flow_slug into v_flow from pgflow.runs as r where r.run_id = v_run_id and r.status = 'started';
  if not found then
    return;
  end if;

  with ready as (
    select ss.step_slug
      from pgflow.step_states as ss
     where ss.run_id = v_run_id
       and ss.status = 'created'
       and ss.remaining_deps = 0
       and ss.initial_tasks > 0
     order by ss.step_slug
       for update
  ),
  started as (
    update pgflow.step_states as ss
       set status = 'started', started_at = now(), remaining_tasks = ss.initial_tasks
      from ready
     where ss.run_id = v_run_id and ss.step_slug = ready.step_slug
    returning ss.step_slug, ss.started_at, ss.remaining_tasks, ss.remaining_deps
  )
  select coalesce(jsonb_agg(to_jsonb(st) || jsonb_build_object('start_delay', coalesce(s.opt_start_delay, 0))
                            order by st.step_slug), '[]'::jsonb)
    into v_started
    from started as st
    join pgflow.steps as s on s.flow_slug = v_flow and s.step_slug = st.step_slug;

  for v_step in select e from jsonb_array_elements(v_started) as e loop
    v_slug := v_step ->> 'step_slug';
    v_tasks := (v_step ->> 'remaining_tasks')::integer;

    perform pgflow._broadcast(v_run_id, 'step:' || v_slug || ':started', jsonb_build_object(
      'event_type', 'step:started',
      'run_id', v_run_id,
      'flow_slug', v_flow,
      'step_slug', v_slug,
      'status', 'started',
      'started_at', v_step -> 'started_at',
      'remaining_tasks', v_tasks,
      'remaining_deps', (v_step ->> 'remaining_deps')::integer
    ));

    insert into pgflow.step_tasks (flow_slug, run_id, step_slug, task_index, message_id)
    select v_flow, v_run_id, v_slug, (sent.ord - 1)::integer, sent.msg_id
      from pgmq.send_batch(
             v_flow,
             array(
               select jsonb_build_object(
                        'flow_slug', v_flow, 'run_id', v_run_id, 'step_slug', v_slug, 'task_index', i)
                 from generate_series(0, v_tasks - 1) as i
                order by i
             ),
             (v_step ->> 'start_delay')::integer
           ) with ordinality as sent(msg_id, ord);
    -- Idle workers of the queue may take these tasks at commit (push dispatch, …_pgflow_push.sql).
    if (v_step ->> 'start_delay')::integer = 0 then
      perform pgflow._offer_tasks(v_flow, v_run_id, v_slug);
    end if;
  end loop;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Starting runs
-- ---------------------------------------------------------------------------------------------

-- Starts a run (pgflow-sql.md §8.7). An unknown flow raises upstream's exact error (SQLSTATE 23503,
-- `insert or update on table "runs" violates foreign key constraint "runs_flow_slug_fkey"`), with a
-- DETAIL naming the slug and a HINT naming the fix. The flow is looked up only when the step
-- count read anyway is 0, so the common path pays nothing for it; the FK still backs the check.
create or replace function pgflow.start_flow(flow_slug text, input jsonb, run_id uuid default null)
returns setof pgflow.runs
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_flow text := start_flow.flow_slug;
  v_input jsonb := start_flow.input;
  v_run pgflow.runs%rowtype;
  v_steps integer;
  v_root_maps integer;
  v_plain boolean;
begin
  -- v_plain: no map step and no condition, so nothing can be skipped or taskless at the start.
  select count(*)::integer, (count(*) filter (where s.step_type = 'map' and s.deps_count = 0))::integer,
         count(*) > 0 and bool_and(s.step_type <> 'map' and s.required_input_pattern is null
                                   and s.forbidden_input_pattern is null)
    into v_steps, v_root_maps, v_plain
    from pgflow.steps as s
   where s.flow_slug = v_flow;

  if v_steps = 0 and not exists (select from pgflow.flows as f where f.flow_slug = v_flow) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'insert or update on table "runs" violates foreign key constraint "runs_flow_slug_fkey"',
      detail = format('Flow "%s" does not exist: compile it first.', v_flow),
      hint = 'Create the flow before starting runs of it: a worker serving it compiles it at startup '
             '(pgflow.ensure_flow_compiled), or apply the migration written by `pgflow compile`.',
      schema = 'pgflow',
      table = 'runs',
      constraint = 'runs_flow_slug_fkey';
  end if;

  if v_root_maps > 0 then
    if v_input is null then
      raise exception 'Flow % has root map steps but input is NULL', v_flow;
    end if;
    if jsonb_typeof(v_input) <> 'array' then
      raise exception 'Flow % has root map steps but input is not an array (got %)', v_flow, jsonb_typeof(v_input);
    end if;
  end if;

  insert into pgflow.runs (run_id, flow_slug, input, remaining_steps)
  values (coalesce(start_flow.run_id, gen_random_uuid()), v_flow, v_input, v_steps)
  returning * into v_run;

  insert into pgflow.step_states (flow_slug, run_id, step_slug, remaining_deps, initial_tasks)
  select s.flow_slug, v_run.run_id, s.step_slug, s.deps_count,
         -- The inner CASE keeps the planner from folding jsonb_array_length(<non-array>) into an error.
         case when s.step_type = 'map' and s.deps_count = 0
                then jsonb_array_length(case when jsonb_typeof(v_input) = 'array' then v_input end)
              when s.step_type = 'map' then null
              else 1 end
    from pgflow.steps as s
   where s.flow_slug = v_flow;

  perform pgflow._broadcast(v_run.run_id, 'run:started', jsonb_build_object(
    'event_type', 'run:started',
    'run_id', v_run.run_id,
    'flow_slug', v_run.flow_slug,
    'input', v_run.input,
    'status', 'started',
    'remaining_steps', v_run.remaining_steps,
    'started_at', v_run.started_at
  ));

  if v_plain then
    -- The cascades and maybe_complete_run would find nothing to do (every enqueue pays for them).
    perform pgflow.start_ready_steps(v_run.run_id);
  elsif pgflow.cascade_resolve_conditions(v_run.run_id) then
    perform pgflow.cascade_complete_taskless_steps(v_run.run_id);
    perform pgflow.start_ready_steps(v_run.run_id);
    perform pgflow.maybe_complete_run(v_run.run_id);
  end if;

  return query select * from pgflow.runs as r where r.run_id = v_run.run_id;
end;
$$;

-- SECURITY DEFINER so that browser roles can start and read runs through these two functions
-- only; search_path is pinned (defect 16).
create or replace function pgflow.get_run_with_states(run_id uuid)
returns jsonb
language sql
volatile
security definer
set search_path = ''
as $$
  select jsonb_build_object(
           'run', to_jsonb(r),
           'steps', coalesce((
             select jsonb_agg(to_jsonb(ss) order by s.step_index)
               from pgflow.step_states as ss
               join pgflow.steps as s on s.flow_slug = ss.flow_slug and s.step_slug = ss.step_slug
              where ss.run_id = r.run_id
           ), '[]'::jsonb)
         )
    from pgflow.runs as r
   where r.run_id = get_run_with_states.run_id;
$$;

create or replace function pgflow.start_flow_with_states(flow_slug text, input jsonb, run_id uuid default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_run_id uuid;
begin
  select r.run_id into v_run_id
    from pgflow.start_flow(start_flow_with_states.flow_slug, start_flow_with_states.input,
                           start_flow_with_states.run_id) as r;
  return pgflow.get_run_with_states(v_run_id);
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Tasks: claim, complete, fail
-- ---------------------------------------------------------------------------------------------

-- Phase 2 of a poll, shared by start_tasks (pgflow's protocol: the worker read the messages) and
-- claim_tasks (ours: read and start in one call). _start_tasks_query returns the one statement
-- both run, for a queue; p_read chooses where the messages come from:
--   p_read: $1 = how many (integer): the visible messages, in msg_id order, locked with SKIP
--           LOCKED, all hidden (read_ct + 1) for their task's timeout + 2 s, or for $2 seconds
--           when their task cannot start; the commit does not wait for the WAL flush (see
--           claim_tasks);
--   not:    $1 = the msg ids (bigint[]) the worker read: only the started tasks' messages are
--           hidden, for their task's timeout + 2 s (defect 1); $2 is unused.
-- $3 = flow slug, $4 = worker id. A task starts only when it is queued and its run and step are
-- started (defect 3: rows come from the guarded UPDATE itself). Each row is the task record plus
-- attempts_count (this attempt's number) and the message's columns after the update (NULL when
-- the message is gone: start_tasks raises then).
-- Read messages are matched to their task by primary key, from the message body (pgflow-sql.md
-- §5), as well as by message_id: the key lookup stays cheap whatever the table statistics.
drop function if exists pgflow._start_queued_tasks(text, bigint[], uuid);
drop function if exists pgflow._task_records(text, bigint[]);
create or replace function pgflow._start_tasks_query(p_flow_slug text, p_read boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_queue_table text := pgmq.format_table_name(p_flow_slug, 'q');
begin
  -- plpgsql, not sql: each poll calls this, and a sql function's body is planned on every call.
  return format(
    $q$with picked as (%2$s),
     claimed as (
       update pgflow.step_tasks as t
          set status = 'started',
              attempts_count = t.attempts_count + 1,
              -- now() is when this transaction began, which can precede the commit (and the
              -- now()) of the transaction that queued the task: never start it before then.
              started_at = greatest(now(), t.queued_at),
              last_worker_id = $4
         from picked as p
        where %3$s
          and t.message_id = p.msg_id
          and t.status = 'queued'
          -- the flow is checked on the run: a condition on t.flow_slug would invite a plan that
          -- scans the flow's tasks by idx_step_tasks_flow_run_step
          and (select r.status from pgflow.runs as r where r.run_id = t.run_id and r.flow_slug = $3) = 'started'
          and (select ss.status from pgflow.step_states as ss
                where ss.run_id = t.run_id and ss.step_slug = t.step_slug) = 'started'
       returning t.run_id, t.step_slug, t.task_index, t.message_id, t.attempts_count,
                 (select coalesce(s.opt_timeout, f.opt_timeout) + 2
                    from pgflow.steps as s
                    join pgflow.flows as f on f.flow_slug = s.flow_slug
                   where s.flow_slug = t.flow_slug and s.step_slug = t.step_slug) as vt_offset
     )%6$s,
     hidden as (
       update pgmq.%1$I as q
          set vt = clock_timestamp() + make_interval(secs => coalesce(
                (select c.vt_offset from claimed as c where c.message_id = q.msg_id), $2))%4$s
        where q.msg_id = any (array(%5$s))%7$s
       returning q.msg_id, q.read_ct, q.enqueued_at, q.vt, q.message, q.headers
     )
     select $3 as flow_slug,
            c.run_id,
            c.step_slug,
            case
              when s.step_type = 'map' and s.deps_count = 0
                then (select r.input from pgflow.runs as r where r.run_id = c.run_id) -> c.task_index
              when s.step_type = 'map' then (
                select dss.output -> c.task_index
                  from pgflow.deps as d
                  join pgflow.step_states as dss on dss.run_id = c.run_id and dss.step_slug = d.dep_slug
                 where d.flow_slug = s.flow_slug and d.step_slug = s.step_slug
                 limit 1
              )
              when s.deps_count = 0 then '{}'::jsonb
              else coalesce((
                select jsonb_object_agg(d.dep_slug, dss.output)
                  from pgflow.deps as d
                  join pgflow.step_states as dss on dss.run_id = c.run_id and dss.step_slug = d.dep_slug
                 where d.flow_slug = s.flow_slug and d.step_slug = s.step_slug and dss.status = 'completed'
              ), '{}'::jsonb)
            end as input,
            c.message_id as msg_id,
            c.task_index,
            case when s.step_type <> 'map' and s.deps_count = 0
              then (select r.input from pgflow.runs as r where r.run_id = c.run_id) end as flow_input,
            c.attempts_count,
            h.read_ct, h.enqueued_at, h.vt, h.message, h.headers
       from claimed as c
       join pgflow.steps as s on s.flow_slug = $3 and s.step_slug = c.step_slug
       left join hidden as h on h.msg_id = c.message_id
      order by c.message_id$q$,
    v_queue_table,
    -- 2: the messages
    case when p_read then format($p$
       select q.msg_id, q.read_ct, q.message,
              case when q.message ->> 'run_id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                then (q.message ->> 'run_id')::uuid end as run_id,
              q.message ->> 'step_slug' as step_slug,
              case when q.message ->> 'task_index' ~ '^[0-9]{1,9}$'
                then (q.message ->> 'task_index')::integer end as task_index
         from pgmq.%I as q
        where q.vt <= clock_timestamp()
          and (select pg_catalog.set_config('synchronous_commit', 'off', true)) is not null
        order by q.msg_id
        limit $1
          for update skip locked$p$, v_queue_table)
      else 'select m.id as msg_id from unnest($1::bigint[]) as m(id)'
    end,
    -- 3: the index condition that finds their tasks
    case when p_read
      then $p$t.run_id = any (array(select p2.run_id from picked as p2))
          and t.run_id = p.run_id and t.step_slug = p.step_slug and t.task_index = p.task_index$p$
      else 't.message_id = any ($1::bigint[])'
    end,
    -- 4, 5: reading hides every message read; otherwise only the started tasks' messages
    case when p_read then ',
              read_ct = q.read_ct + 1' else '' end,
    case when p_read then 'select p.msg_id from picked as p' else 'select c.message_id from claimed as c' end,
    -- 6, 7: reading moves a message that is no task to pgflow.dead_letters at its last allowed
    -- read (20261126000520_pgflow_dead_letters.sql) instead of hiding it again
    case when p_read then format($p$,
     poison as (
       select p.msg_id, pgflow._not_a_task_reason(p.message) as reason
         from picked as p
        where p.read_ct + 1 >= (select pgflow._poison_read_limit())
          and not exists (select 1 from pgflow.step_tasks as t
                           where t.run_id = p.run_id and t.step_slug = p.step_slug
                             and t.task_index = p.task_index and t.message_id = p.msg_id)
     ),
     dead as (
       delete from pgmq.%1$I as q
        where q.msg_id = any (array(select x.msg_id from poison as x))
       returning q.msg_id, q.read_ct, q.enqueued_at, q.message, q.headers
     ),
     dead_lettered as (
       insert into pgflow.dead_letters (queue_name, msg_id, read_ct, enqueued_at, message, headers, reason, worker_id)
       select $3, d.msg_id, d.read_ct + 1, d.enqueued_at, d.message, d.headers, x.reason, $4
         from dead as d join poison as x on x.msg_id = d.msg_id
     )$p$, v_queue_table) else '' end,
    case when p_read then '
          and not (q.msg_id = any (array(select x.msg_id from poison as x)))' else '' end
  );
end;
$$;

-- Runs _start_tasks_query's statement, prepared once per session and queue: its plan is kept
-- (EXECUTE format() would plan it on every call). The name is derived from the text, so a session
-- never runs a statement prepared for another queue or by an older version; pg_prepared_statements
-- is checked on every call, so this also works behind PgBouncer or Supavisor in transaction mode,
-- where each server connection prepares its own copy.
create or replace function pgflow._prepared_start_tasks(p_flow_slug text, p_read boolean)
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_query text := pgflow._start_tasks_query(p_flow_slug, p_read);
  v_statement text := case when p_read then 'pgflow_claim_tasks_' else 'pgflow_start_tasks_' end || md5(v_query);
begin
  if not exists (select 1 from pg_catalog.pg_prepared_statements as ps where ps.name = v_statement) then
    execute format('prepare %I(%s, integer, text, uuid) as %s',
                   v_statement, case when p_read then 'integer' else 'bigint[]' end, v_query);
  end if;
  return v_statement;
end;
$$;

create or replace function pgflow.start_tasks(flow_slug text, msg_ids bigint[], worker_id uuid)
returns setof pgflow.step_task_record
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_row record;
  v_record pgflow.step_task_record;
  v_started integer := 0;
  v_hidden integer := 0;
begin
  if start_tasks.msg_ids is null or cardinality(start_tasks.msg_ids) = 0 then
    return;
  end if;
  -- A flow without a queue has no messages, so nothing to start (the statement needs the table).
  if to_regclass(format('pgmq.%I', pgmq.format_table_name(start_tasks.flow_slug, 'q'))) is null then
    return;
  end if;

  for v_row in execute format('execute %I(%L, null, %L, %L)',
                              pgflow._prepared_start_tasks(start_tasks.flow_slug, false),
                              start_tasks.msg_ids, start_tasks.flow_slug, start_tasks.worker_id)
  loop
    v_started := v_started + 1;
    if v_row.vt is not null then
      v_hidden := v_hidden + 1;
    end if;
    v_record := (v_row.flow_slug, v_row.run_id, v_row.step_slug, v_row.input, v_row.msg_id,
                 v_row.task_index, v_row.flow_input);
    return next v_record;
  end loop;

  -- Rows returned so far are discarded with the rollback this raise causes.
  if v_hidden <> v_started then
    raise exception 'start_tasks(): visibility updated % of % claimed messages', v_hidden, v_started;
  end if;
end;
$$;

-- complete_tasks: complete_task for a batch of tasks, set-based (ours, additive). Our workers
-- complete tasks in batches; doing each phase as one statement for the whole batch, instead of
-- one per task, is most of what makes a completion cheap (bench/README.md). complete_task is
-- this function with one task, so the two cannot drift apart.
-- A batch behaves like its tasks completed one at a time, in this order: type violations first
-- (each fails its run, so the run's other tasks then change nothing), then all the others. A task
-- listed twice is completed once, with its first output (the second call would be a late one).
-- Returns the tasks' rows in the order given.
-- Every lookup here is by key. Its plans are generic and kept for the session, so a plan made
-- while the tables were small and had no statistics (a fresh install, the first minute of a
-- backlog) would keep scanning whole tables as they grow, until the next ANALYZE:
-- enable_seqscan = off (here and in the functions this calls) keeps them on the indexes.
create or replace function pgflow.complete_tasks(run_ids uuid[], step_slugs text[], task_indexes integer[], outputs jsonb[])
returns setof pgflow.step_tasks
language plpgsql
volatile
set search_path = ''
set plan_cache_mode = force_generic_plan
set enable_seqscan = off
as $$
#variable_conflict use_column
declare
  v_task record;
  v_bad_maps text[];
  v_type text;
  v_step_error text;
  v_archive_flows text[];
  v_archive_msgs bigint[];
  v_group_runs uuid[];
  v_group_slugs text[];
  v_group_counts integer[];
  v_group_outputs jsonb[];
  v_step_runs uuid[];
  v_step_flows text[];
  v_step_slugs text[];
  v_step_outputs jsonb[];
  v_step_times timestamptz[];
  v_cascade_runs uuid[];
  v_done_runs uuid[];
  v_run_id uuid;
begin
  if coalesce(cardinality(complete_tasks.run_ids), 0) = 0 then
    return;
  end if;
  if cardinality(complete_tasks.step_slugs) is distinct from cardinality(complete_tasks.run_ids)
     or cardinality(complete_tasks.task_indexes) is distinct from cardinality(complete_tasks.run_ids)
     or cardinality(complete_tasks.outputs) is distinct from cardinality(complete_tasks.run_ids) then
    raise exception 'complete_tasks(): run_ids, step_slugs, task_indexes and outputs must have the same length';
  end if;

  -- Lock the runs in run_id order: completions within one run are serialised (which keeps the
  -- counters and the map aggregation consistent), and two batches cannot deadlock. Every writer
  -- of a run's step states and tasks (fail_task, the stalled-task recovery) locks its run first.
  perform 1 from pgflow.runs as r where r.run_id = any (complete_tasks.run_ids) order by r.run_id for update;

  -- A single step feeding a dependent map must produce an array; anything else fails the run
  -- hard, whatever when_exhausted says. Every waiting map child is named (defect 13).
  for v_task in
    select t.run_id, t.step_slug, t.task_index, t.flow_slug, i.output
      from unnest(complete_tasks.run_ids, complete_tasks.step_slugs, complete_tasks.task_indexes,
                  complete_tasks.outputs) with ordinality as i(run_id, step_slug, task_index, output, ord)
      join pgflow.step_tasks as t
        on t.run_id = i.run_id and t.step_slug = i.step_slug and t.task_index = i.task_index
     where t.run_id = any (complete_tasks.run_ids)
       and t.status = 'started'
       and (select s.step_type from pgflow.steps as s
             where s.flow_slug = t.flow_slug and s.step_slug = t.step_slug) = 'single'
       and (i.output is null or jsonb_typeof(i.output) <> 'array')
       and exists (
         select 1
           from pgflow.deps as d
           join pgflow.steps as cs on cs.flow_slug = d.flow_slug and cs.step_slug = d.step_slug
          where d.flow_slug = t.flow_slug and d.dep_slug = t.step_slug and cs.step_type = 'map')
     order by i.ord
  loop
    -- An earlier violation in this batch may have failed the run already.
    continue when not exists (
      select 1
        from pgflow.runs as r
        join pgflow.step_states as ss on ss.run_id = r.run_id and ss.step_slug = v_task.step_slug
       where r.run_id = v_task.run_id and r.status <> 'failed' and ss.status = 'started');

    select array_agg(d.step_slug order by cs.step_index)
      into v_bad_maps
      from pgflow.deps as d
      join pgflow.steps as cs on cs.flow_slug = d.flow_slug and cs.step_slug = d.step_slug
      join pgflow.step_states as css on css.run_id = v_task.run_id and css.step_slug = d.step_slug
     where d.flow_slug = v_task.flow_slug
       and d.dep_slug = v_task.step_slug
       and cs.step_type = 'map'
       and css.initial_tasks is null;
    continue when v_bad_maps is null;

    v_type := coalesce(jsonb_typeof(v_task.output), 'null');
    v_step_error := case when cardinality(v_bad_maps) = 1
      then '[TYPE_VIOLATION] Map step ' || v_bad_maps[1] || ' expects array input but dependency '
           || v_task.step_slug || ' produced ' || v_type
      else '[TYPE_VIOLATION] Map steps ' || array_to_string(v_bad_maps, ', ')
           || ' expect array input but dependency ' || v_task.step_slug || ' produced ' || v_type
      end;

    update pgflow.step_tasks as t
       set status = 'failed', failed_at = now(), output = v_task.output,
           error_message = '[TYPE_VIOLATION] Produced ' || v_type || ' instead of array'
     where t.run_id = v_task.run_id and t.step_slug = v_task.step_slug and t.task_index = v_task.task_index;
    perform pgflow._archive_task_message(v_task.run_id, v_task.step_slug, v_task.task_index);
    perform pgflow._fail_run(v_task.run_id, v_step_error);
    perform pgflow._fail_step(v_task.run_id, v_task.flow_slug, v_task.step_slug, v_step_error);
  end loop;

  -- Only a started task of a started step, in a run that has not failed, completes; any other
  -- changes nothing. The completed tasks are then counted per step. Late or duplicate callbacks
  -- (the step is no longer started, in a run that has not failed) change nothing either, but
  -- their messages are archived with the completed ones. A failed run's tasks keep their messages.
  with late as (
    select t.flow_slug, t.message_id
      from unnest(complete_tasks.run_ids, complete_tasks.step_slugs, complete_tasks.task_indexes)
             as i(run_id, step_slug, task_index)
      join pgflow.step_tasks as t
        on t.run_id = i.run_id and t.step_slug = i.step_slug and t.task_index = i.task_index
      join pgflow.runs as r on r.run_id = t.run_id
      join pgflow.step_states as ss on ss.run_id = t.run_id and ss.step_slug = t.step_slug
     where t.run_id = any (complete_tasks.run_ids)
       and r.run_id = any (complete_tasks.run_ids)
       and ss.run_id = any (complete_tasks.run_ids)
       and r.status <> 'failed' and ss.status <> 'started' and t.message_id is not null
  ),
  done as (
    update pgflow.step_tasks as t
       set status = 'completed', completed_at = now(), output = i.output
      from (
        select distinct on (u.run_id, u.step_slug, u.task_index) u.run_id, u.step_slug, u.task_index, u.output
          from unnest(complete_tasks.run_ids, complete_tasks.step_slugs, complete_tasks.task_indexes,
                      complete_tasks.outputs) with ordinality as u(run_id, step_slug, task_index, output, ord)
         order by u.run_id, u.step_slug, u.task_index, u.ord
      ) as i,
      pgflow.runs as r,
      pgflow.step_states as ss
     where t.run_id = any (complete_tasks.run_ids)
       and r.run_id = any (complete_tasks.run_ids)
       and ss.run_id = any (complete_tasks.run_ids)
       and t.run_id = i.run_id and t.step_slug = i.step_slug and t.task_index = i.task_index
       and t.status = 'started'
       and r.run_id = t.run_id and r.status <> 'failed'
       and ss.run_id = t.run_id and ss.step_slug = t.step_slug and ss.status = 'started'
    returning t.flow_slug, t.run_id, t.step_slug, t.message_id, t.output
  ),
  archived as (
    select coalesce(array_agg(a.flow_slug), '{}') as flows, coalesce(array_agg(a.message_id), '{}') as msgs
      from (select l.flow_slug, l.message_id from late as l
            union all
            select d.flow_slug, d.message_id from done as d where d.message_id is not null) as a
  ),
  groups as (
    select d.run_id, d.step_slug, count(*)::integer as n, (array_agg(d.output))[1] as output
      from done as d
     group by d.run_id, d.step_slug
  )
  select a.flows, a.msgs,
         (select array_agg(g.run_id order by g.run_id, g.step_slug) from groups as g),
         (select array_agg(g.step_slug order by g.run_id, g.step_slug) from groups as g),
         (select array_agg(g.n order by g.run_id, g.step_slug) from groups as g),
         (select array_agg(g.output order by g.run_id, g.step_slug) from groups as g)
    into v_archive_flows, v_archive_msgs, v_group_runs, v_group_slugs, v_group_counts, v_group_outputs
    from archived as a;

  -- Each step counts down by its completed tasks; the step that reaches zero completes and
  -- stores its output: the task output for a single step (it has one task), the task outputs
  -- ordered by task_index for a map.
  if v_group_runs is not null then
    with counted as (
      update pgflow.step_states as ss
         set remaining_tasks = ss.remaining_tasks - g.n,
             status = case when ss.remaining_tasks = g.n then 'completed' else ss.status end,
             completed_at = case when ss.remaining_tasks = g.n then now() end,
             output = case
               when ss.remaining_tasks <> g.n then null
               when (select s.step_type from pgflow.steps as s
                      where s.flow_slug = ss.flow_slug and s.step_slug = ss.step_slug) = 'map' then (
                 select coalesce(jsonb_agg(t.output order by t.task_index), '[]'::jsonb)
                   from pgflow.step_tasks as t
                  where t.run_id = ss.run_id and t.step_slug = ss.step_slug and t.status = 'completed'
               )
               else g.output
             end
        from unnest(v_group_runs, v_group_slugs, v_group_counts, v_group_outputs) as g(run_id, step_slug, n, output)
       where ss.run_id = any (v_group_runs)
         and ss.run_id = g.run_id and ss.step_slug = g.step_slug
      returning ss.run_id, ss.flow_slug, ss.step_slug, ss.status, ss.output, ss.completed_at
    )
    select array_agg(c.run_id order by c.run_id, c.step_slug),
           array_agg(c.flow_slug order by c.run_id, c.step_slug),
           array_agg(c.step_slug order by c.run_id, c.step_slug),
           array_agg(c.output order by c.run_id, c.step_slug),
           array_agg(c.completed_at order by c.run_id, c.step_slug)
      into v_step_runs, v_step_flows, v_step_slugs, v_step_outputs, v_step_times
      from counted as c
     where c.status = 'completed';
  end if;

  if v_step_runs is not null then
    -- The completed steps' children wait for one dependency less each (a dependent map learns
    -- its task count from its parent's output: a map step has a single dependency), and each run
    -- has as many steps less to go as it completed.
    with children as (
      select p.run_id, d.step_slug, cs.step_type, count(*)::integer as n, (array_agg(p.output))[1] as output
        from unnest(v_step_runs, v_step_flows, v_step_slugs, v_step_outputs) as p(run_id, flow_slug, step_slug, output)
        join pgflow.deps as d on d.flow_slug = p.flow_slug and d.dep_slug = p.step_slug
        join pgflow.steps as cs on cs.flow_slug = d.flow_slug and cs.step_slug = d.step_slug
       group by p.run_id, d.step_slug, cs.step_type
    ),
    waiting as (
      update pgflow.step_states as ss
         set remaining_deps = ss.remaining_deps - c.n,
             initial_tasks = case
               when c.step_type = 'map' and ss.initial_tasks is null and jsonb_typeof(c.output) = 'array'
                 then jsonb_array_length(c.output)
               else ss.initial_tasks end
        from children as c
       where ss.run_id = any (v_step_runs)
         and ss.run_id = c.run_id and ss.step_slug = c.step_slug
      returning ss.run_id
    ),
    counted as (
      update pgflow.runs as r
         set remaining_steps = r.remaining_steps
               - (select count(*)::integer from unnest(v_step_runs) as p(run_id) where p.run_id = r.run_id)
       where r.run_id = any (v_step_runs)
      returning r.run_id, r.remaining_steps
    )
    select (select array_agg(distinct w.run_id order by w.run_id) from waiting as w),
           (select array_agg(c.run_id order by c.run_id) from counted as c
             where c.remaining_steps = 0 and c.run_id not in (select w.run_id from waiting as w))
      into v_cascade_runs, v_done_runs;

    perform pgflow._broadcast_all(
      v_step_runs,
      array(select 'step:' || slug || ':completed' from unnest(v_step_slugs) with ordinality as e(slug, ord) order by e.ord),
      array(
        select jsonb_build_object(
                 'event_type', 'step:completed',
                 'run_id', e.run_id,
                 'flow_slug', e.flow_slug,
                 'step_slug', e.step_slug,
                 'status', 'completed',
                 'output', e.output,
                 'completed_at', e.completed_at)
          from unnest(v_step_runs, v_step_flows, v_step_slugs, v_step_outputs, v_step_times) with ordinality
                 as e(run_id, flow_slug, step_slug, output, completed_at, ord)
         order by e.ord));

    -- Only the completed steps' children can have become ready (every other ready step was
    -- started when it became ready), so runs whose completed steps were all leaves (a job's only
    -- step, say) skip the cascades.
    foreach v_run_id in array coalesce(v_cascade_runs, '{}') loop
      if pgflow.cascade_resolve_conditions(v_run_id) then
        perform pgflow.cascade_complete_taskless_steps(v_run_id);
        perform pgflow.start_ready_steps(v_run_id);
        perform pgflow.maybe_complete_run(v_run_id);
      end if;
    end loop;
    if v_done_runs is not null then
      perform pgflow._complete_runs(v_done_runs);
    end if;
  end if;

  if cardinality(v_archive_msgs) > 0 then
    perform pgmq.archive(a.flow_slug, array_agg(a.msg_id order by a.msg_id))
       from unnest(v_archive_flows, v_archive_msgs) as a(flow_slug, msg_id)
      group by a.flow_slug;
  end if;

  return query
  select t.*
    from unnest(complete_tasks.run_ids, complete_tasks.step_slugs, complete_tasks.task_indexes)
           with ordinality as i(run_id, step_slug, task_index, ord)
    join pgflow.step_tasks as t
      on t.run_id = i.run_id and t.step_slug = i.step_slug and t.task_index = i.task_index
   where t.run_id = any (complete_tasks.run_ids)
   order by i.ord;
end;
$$;

-- pgflow's complete_task, as spec'd (pgflow-sql.md §8.12, with our fixes): complete_tasks with one task.
create or replace function pgflow.complete_task(run_id uuid, step_slug text, task_index integer, output jsonb)
returns setof pgflow.step_tasks
language plpgsql
volatile
set search_path = ''
as $$
begin
  return query select * from pgflow.complete_tasks(
    array[complete_task.run_id], array[complete_task.step_slug], array[complete_task.task_index],
    array[complete_task.output]);
end;
$$;

create or replace function pgflow.fail_task(run_id uuid, step_slug text, task_index integer, error_message text)
returns setof pgflow.step_tasks
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_run_id uuid := fail_task.run_id;
  v_slug text := fail_task.step_slug;
  v_index integer := fail_task.task_index;
  v_error text := fail_task.error_message;
  v_run pgflow.runs%rowtype;
  v_step_status text;
  v_task pgflow.step_tasks%rowtype;
  v_step pgflow.steps%rowtype;
  v_max_attempts integer;
  v_base_delay integer;
  v_state pgflow.step_states%rowtype;
begin
  select * into v_run from pgflow.runs as r where r.run_id = v_run_id;
  if found and v_run.status = 'failed' then
    -- No retries on a failed run: a started task just records its failure.
    update pgflow.step_tasks as t
       set status = 'failed', failed_at = now(), error_message = v_error
     where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index and t.status = 'started';
    perform pgflow._archive_task_message(v_run_id, v_slug, v_index);
    return query select * from pgflow.step_tasks as t
                  where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
    return;
  end if;

  select ss.status into v_step_status
    from pgflow.runs as r
    join pgflow.step_states as ss on ss.run_id = r.run_id
   where r.run_id = v_run_id and ss.step_slug = v_slug
     for update of r, ss;
  if v_step_status is not null and v_step_status <> 'started' then
    perform pgflow._archive_task_message(v_run_id, v_slug, v_index);
    return query select * from pgflow.step_tasks as t
                  where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
    return;
  end if;

  select * into v_task from pgflow.step_tasks as t
   where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index and t.status = 'started'
     for update;
  if not found then
    return query select * from pgflow.step_tasks as t
                  where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
    return;
  end if;

  select * into v_step from pgflow.steps as s where s.flow_slug = v_task.flow_slug and s.step_slug = v_slug;
  select coalesce(v_step.opt_max_attempts, f.opt_max_attempts), coalesce(v_step.opt_base_delay, f.opt_base_delay)
    into v_max_attempts, v_base_delay
    from pgflow.flows as f where f.flow_slug = v_task.flow_slug;

  if v_task.attempts_count < v_max_attempts then
    -- Retry: back to queued, visible again after floor(base_delay * 2^attempts_count) seconds.
    update pgflow.step_tasks as t
       set status = 'queued', started_at = null, failed_at = null, error_message = v_error
     where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
    update pgflow.step_states as ss
       set error_message = null, failed_at = null
     where ss.run_id = v_run_id and ss.step_slug = v_slug;
    if v_task.message_id is not null then
      perform pgmq.set_vt(v_task.flow_slug, v_task.message_id,
                          pgflow.calculate_retry_delay(v_base_delay, v_task.attempts_count));
    end if;
    return query select * from pgflow.step_tasks as t
                  where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
    return;
  end if;

  -- Exhausted.
  update pgflow.step_tasks as t
     set status = 'failed', failed_at = now(), error_message = v_error
   where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;

  if v_step.when_exhausted = 'fail' then
    perform pgflow._fail_step(v_run_id, v_task.flow_slug, v_slug, v_error);
    perform pgflow._fail_run(v_run_id, v_error);
    perform pgflow._archive_task_message(v_run_id, v_slug, v_index);
  else
    update pgflow.step_states as ss
       set status = 'skipped', skip_reason = 'handler_failed', skipped_at = now(),
           error_message = v_error, remaining_tasks = null, failed_at = null
     where ss.run_id = v_run_id and ss.step_slug = v_slug
    returning ss.* into v_state;
    update pgflow.runs as r set remaining_steps = r.remaining_steps - 1 where r.run_id = v_run_id;
    perform pgflow._end_active_tasks(v_run_id, array[v_slug], 'skipped');
    perform pgflow._broadcast(v_run_id, 'step:' || v_slug || ':skipped', jsonb_build_object(
      'event_type', 'step:skipped',
      'run_id', v_run_id,
      'flow_slug', v_run.flow_slug,
      'step_slug', v_slug,
      'status', 'skipped',
      'skip_reason', 'handler_failed',
      'error_message', v_error,
      'skipped_at', v_state.skipped_at
    ));

    if v_step.when_exhausted = 'skip-cascade' then
      perform pgflow._cascade_force_skip_steps(v_run_id, v_slug, 'handler_failed');
    else
      -- A plain-skipped dependency counts as done; for a map child it is an empty array.
      update pgflow.step_states as ss
         set remaining_deps = ss.remaining_deps - 1,
             initial_tasks = case when cs.step_type = 'map' and cs.deps_count = 1 then 0 else ss.initial_tasks end
        from pgflow.deps as d, pgflow.steps as cs
       where d.flow_slug = v_run.flow_slug
         and d.dep_slug = v_slug
         and cs.flow_slug = d.flow_slug
         and cs.step_slug = d.step_slug
         and ss.run_id = v_run_id
         and ss.step_slug = d.step_slug;

      if not pgflow.cascade_resolve_conditions(v_run_id) then
        perform pgflow._archive_task_message(v_run_id, v_slug, v_index);
        return query select * from pgflow.step_tasks as t
                      where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
        return;
      end if;
      perform pgflow.cascade_complete_taskless_steps(v_run_id);
      perform pgflow.start_ready_steps(v_run_id);
    end if;

    perform pgflow.maybe_complete_run(v_run_id);
    perform pgflow._archive_task_message(v_run_id, v_slug, v_index);
  end if;

  return query select * from pgflow.step_tasks as t
                where t.run_id = v_run_id and t.step_slug = v_slug and t.task_index = v_index;
end;
$$;
